package jgrad.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import jgrad.backend.BinaryOp;
import jgrad.backend.ReduceOp;
import jgrad.backend.ScalarBackend;
import jgrad.backend.UnaryOp;
import jgrad.backend.DType;
import jgrad.backend.Storage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link CudaBackend} against {@link ScalarBackend} on a real GPU, on awkward sizes. Skipped, with
 * the probe's reason, on machines without one: there the kernels' arithmetic is covered by the
 * host-emulated tests, and only this test checks the launches, the copies and cuBLAS.
 */
class CudaBackendTest {

    private static final int[] SIZES = {0, 1, 31, 32, 33, 1021, 300_007};
    private static CudaBackend gpu;
    private final ScalarBackend ref = new ScalarBackend();
    private final Random random = new Random(11);

    /** Each test, not the class, is skipped, so that the report lists every GPU test with the reason. */
    @BeforeEach
    void open() {
        assumeTrue(CudaProbe.status().available(), () -> "skipped: " + CudaProbe.status().reason());
        if (gpu == null) {
            gpu = new CudaBackend();
        }
    }

    @AfterAll
    static void close() {
        if (gpu != null) {
            gpu.close();
        }
    }

    private Storage random(DType dt, int n) {
        Storage s = Storage.onHost(dt, n);
        for (int i = 0; i < n; i++) {
            s.set(i, random.nextDouble() * 4 - 2);
        }
        return s;
    }

    private static void same(String what, Storage want, Storage got, double eps) {
        for (int i = 0; i < want.length(); i++) {
            assertEquals(want.get(i), got.get(i), eps * (1 + Math.abs(want.get(i))), what + " element " + i);
        }
    }

    private static double eps(DType dt) {
        return dt == DType.F32 ? 1e-5 : 1e-12;
    }

    @Test
    void elementwise() {
        for (DType dt : DType.values()) {
            for (int n : SIZES) {
                Storage a = random(dt, n);
                Storage b = random(dt, n);
                Storage want = Storage.onHost(dt, n);
                ref.binary(BinaryOp.MUL, n, a, 0, 1, b, 0, 0, want, 0);
                try (CudaStorage da = gpu.upload(a); CudaStorage db = gpu.upload(b); CudaStorage out = gpu.allocate(dt, n)) {
                    gpu.binary(BinaryOp.MUL, n, da, 0, 1, db, 0, 0, out, 0);
                    same("mul n=" + n, want, gpu.download(out), eps(dt));
                    ref.unary(UnaryOp.TANH, n, a, 0, want, 0, 0);
                    gpu.unary(UnaryOp.TANH, n, da, 0, out, 0, 0);
                    same("tanh n=" + n, want, gpu.download(out), eps(dt));
                }
            }
        }
    }

    @Test
    void reductionsAndSoftmax() {
        for (DType dt : DType.values()) {
            for (int[] s : new int[][] {{1, 1, 1}, {3, 1021, 1}, {5, 33, 31}, {2, 300_007, 1}}) {
                Storage x = random(dt, s[0] * s[1] * s[2]);
                Storage want = Storage.onHost(dt, s[0] * s[2]);
                ref.reduce(ReduceOp.SUM, s[0], s[1], s[2], x, 0, want, 0);
                try (CudaStorage dx = gpu.upload(x); CudaStorage out = gpu.allocate(dt, want.length());
                     CudaStorage y = gpu.allocate(dt, x.length())) {
                    gpu.reduce(ReduceOp.SUM, s[0], s[1], s[2], dx, 0, out, 0);
                    same("sum", want, gpu.download(out), eps(dt) * s[1]);
                    Storage soft = Storage.onHost(dt, x.length());
                    ref.softmax(s[0] * s[2], s[1], x, 0, soft, 0, true);
                    gpu.softmax(s[0] * s[2], s[1], dx, 0, y, 0, true);
                    same("log-softmax", soft, gpu.download(y), eps(dt) * 10);
                }
            }
        }
    }

    @Test
    void gemmEveryTranspose() {
        for (DType dt : DType.values()) {
            for (int[] s : new int[][] {{1, 1, 1}, {17, 33, 19}, {1, 64, 5}, {64, 1, 5}, {128, 96, 200}}) {
                for (int t = 0; t < 4; t++) {
                    boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                    int m = s[0], n = s[1], k = s[2];
                    Storage a = random(dt, m * k);
                    Storage b = random(dt, k * n);
                    Storage want = random(dt, m * n);
                    try (CudaStorage da = gpu.upload(a); CudaStorage db = gpu.upload(b); CudaStorage dc = gpu.upload(want)) {
                        ref.gemm(ta, tb, m, n, k, a, 0, ta ? m : k, b, 0, tb ? k : n, 0.5, want, 0, n);
                        gpu.gemm(ta, tb, m, n, k, da, 0, ta ? m : k, db, 0, tb ? k : n, 0.5, dc, 0, n);
                        same("gemm " + m + "x" + n + "x" + k + " t=" + t, want, gpu.download(dc), eps(dt) * k);
                    }
                }
            }
        }
    }

    @Test
    void gatherScatterAndCopy() {
        int[] ids = {3, 0, 3, 6, 3};
        for (DType dt : DType.values()) {
            for (int rowLen : new int[] {1, 33, 1021}) {
                Storage table = random(dt, 7 * rowLen);
                Storage src = random(dt, ids.length * rowLen);
                Storage gathered = Storage.onHost(dt, ids.length * rowLen);
                ref.gatherRows(ids, rowLen, table, 0, gathered, 0);
                try (CudaStorage dt0 = gpu.upload(table); CudaStorage out = gpu.allocate(dt, gathered.length());
                     CudaStorage ds = gpu.upload(src); CudaStorage tr = gpu.allocate(dt, table.length())) {
                    gpu.gatherRows(ids, rowLen, dt0, 0, out, 0);
                    same("gather", gathered, gpu.download(out), 0);
                    ref.scatterAddRows(ids, rowLen, src, 0, table, 0);
                    gpu.scatterAddRows(ids, rowLen, ds, 0, dt0, 0);
                    same("scatter-add", table, gpu.download(dt0), eps(dt));
                    Storage transposed = Storage.onHost(dt, table.length());
                    ref.copy(new int[] {rowLen, 7}, table, 0, new int[] {1, rowLen}, transposed, 0);
                    gpu.copy(new int[] {rowLen, 7}, dt0, 0, new int[] {1, rowLen}, tr, 0);
                    same("copy transposed", transposed, gpu.download(tr), 0);
                }
            }
        }
    }
}
