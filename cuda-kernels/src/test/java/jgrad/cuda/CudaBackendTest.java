package jgrad.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static jgrad.cuda.DeviceBuffers.OFFSET;
import static jgrad.cuda.DeviceBuffers.exactly;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import jgrad.backend.AdamStep;
import jgrad.backend.SgdStep;
import jgrad.backend.BinaryOp;
import jgrad.backend.DType;
import jgrad.backend.ReduceOp;
import jgrad.backend.ScalarBackend;
import jgrad.backend.Storage;
import jgrad.backend.UnaryOp;

/**
 * Every {@link jgrad.backend.Backend} method of {@link CudaBackend} against {@link ScalarBackend}, on
 * each CUDA driver (cuda-emu here, the GPU where there is one): sizes 0, 1, 31, 32, 33, 1021 and one
 * above 4096·256 (so the grid-stride loops wrap), F32 and F64, every operand at an offset inside a
 * NaN-padded buffer.
 */
class CudaBackendTest {

    private static final DType[] DTYPES = DType.values();
    private static final int[] SIZES = {0, 1, 31, 32, 33, 1021};
    /** More elements than the largest grid (4096 blocks of 256) has threads. */
    private static final int LARGE = 1_100_003;

    private final ScalarBackend ref = new ScalarBackend();

    private static int[] sizes(boolean large) {
        return large ? new int[] {0, 1, 31, 32, 33, 1021, LARGE} : SIZES;
    }

    private void same(String backend, String what, Storage want, Storage got, double scale) {
        DeviceBuffers.same(backend + " " + what, want, got, scale, backend.equals("cuda"));
    }

    @CudaBackends.OnEach
    void binaryEveryOpAndStep(String name) {
        CudaBackend be = CudaBackends.get(name);
        DeviceBuffers buf = new DeviceBuffers(be, 1);
        for (DType dt : DTYPES) {
            for (BinaryOp op : BinaryOp.values()) {
                for (int n : sizes(op == BinaryOp.ADD || op == BinaryOp.POW)) {
                    for (int[] steps : new int[][] {{1, 1}, {0, 1}, {1, 0}}) {
                        Storage a = buf.random(dt, steps[0] == 0 ? 1 : n, op == BinaryOp.POW ? v -> Math.abs(v) + 0.1 : v -> v);
                        Storage b = buf.random(dt, steps[1] == 0 ? 1 : n, op == BinaryOp.DIV ? v -> v >= 0 ? v + 0.1 : v : v -> v);
                        Storage want = Storage.onHost(dt, n);
                        ref.binary(op, n, a, 0, steps[0], b, 0, steps[1], want, 0);
                        CudaStorage out = buf.output(dt, n);
                        be.binary(op, n, buf.padded(a), OFFSET, steps[0], buf.padded(b), OFFSET, steps[1], out, OFFSET);
                        same(name, op + " n=" + n + " steps " + steps[0] + steps[1] + " " + dt, want,
                                buf.values("binary", out, n), 1);
                    }
                }
            }
        }
    }

    @CudaBackends.OnEach
    void binaryInPlaceAndNaN(String name) {
        CudaBackend be = CudaBackends.get(name);
        DeviceBuffers buf = new DeviceBuffers(be, 2);
        for (BinaryOp op : new BinaryOp[] {BinaryOp.MAX, BinaryOp.MIN}) {
            Storage a = new Storage.F32(new float[] {Float.NaN, 1, Float.NEGATIVE_INFINITY, 2});
            Storage b = new Storage.F32(new float[] {1, Float.NaN, 5, Float.POSITIVE_INFINITY});
            Storage want = Storage.onHost(DType.F32, 4);
            ref.binary(op, 4, a, 0, 1, b, 0, 1, want, 0);
            CudaStorage da = buf.padded(a);
            be.binary(op, 4, da, OFFSET, 1, buf.padded(b), OFFSET, 1, da, OFFSET);  // out is a, in place
            exactly(name + " " + op + " with NaN, in place", want, buf.values(op.name(), da, 4));
        }
    }

    private static DoubleUnaryOperator domainOf(UnaryOp op) {
        return switch (op) {
            case LOG, SQRT, POW -> v -> Math.abs(v) + 0.1;
            default -> v -> v;
        };
    }

    @CudaBackends.OnEach
    void unaryAndItsBackward(String name) {
        CudaBackend be = CudaBackends.get(name);
        DeviceBuffers buf = new DeviceBuffers(be, 3);
        for (DType dt : DTYPES) {
            for (UnaryOp op : UnaryOp.values()) {
                double alpha = op == UnaryOp.POW ? 1.5 : op == UnaryOp.LEAKY_RELU ? 0.01 : -0.75;
                for (int n : sizes(op == UnaryOp.TANH)) {
                    Storage x = buf.random(dt, n, domainOf(op));
                    Storage y = Storage.onHost(dt, n);
                    ref.unary(op, n, x, 0, y, 0, alpha);
                    CudaStorage dx = buf.padded(x);
                    CudaStorage dy = buf.output(dt, n);
                    be.unary(op, n, dx, OFFSET, dy, OFFSET, alpha);
                    String label = op + " n=" + n + " " + dt;
                    same(name, label, y, buf.values(label, dy, n), 1);
                    Storage g = buf.random(dt, n);
                    Storage grad = Storage.onHost(dt, n);
                    ref.unaryBackward(op, n, x, 0, y, 0, g, 0, grad, 0, alpha);
                    CudaStorage out = buf.output(dt, n);
                    be.unaryBackward(op, n, dx, OFFSET, buf.padded(y), OFFSET, buf.padded(g), OFFSET, out, OFFSET, alpha);
                    same(name, label + " backward", grad, buf.values(label, out, n), 1);
                }
            }
        }
    }

    @CudaBackends.OnEach
    void fillWhereAndConvert(String name) {
        CudaBackend be = CudaBackends.get(name);
        DeviceBuffers buf = new DeviceBuffers(be, 4);
        for (DType dt : DTYPES) {
            for (int n : sizes(true)) {
                CudaStorage out = buf.output(dt, n);
                be.fill(n, out, OFFSET, -2.75);
                Storage want = Storage.onHost(dt, n);
                ref.fill(n, want, 0, -2.75);
                exactly(name + " fill n=" + n + " " + dt, want, buf.values("fill", out, n));

                // cond: zeros and non-zeros (also negative); the branch not taken holds ±inf and NaN
                Storage cond = buf.random(dt, n, v -> v > 0 ? 0 : v);
                Storage a = buf.random(dt, n, v -> v > 2 ? Double.POSITIVE_INFINITY : v);
                Storage b = buf.random(dt, n, v -> v < -2 ? Double.NaN : v);
                ref.where(n, cond, 0, a, 0, b, 0, want, 0);
                CudaStorage w = buf.output(dt, n);
                be.where(n, buf.padded(cond), OFFSET, buf.padded(a), OFFSET, buf.padded(b), OFFSET, w, OFFSET);
                exactly(name + " where n=" + n + " " + dt, want, buf.values("where", w, n));

                for (DType to : DTYPES) {
                    Storage x = buf.random(dt, n, v -> v * 1e-3 + v);
                    Storage converted = Storage.onHost(to, n);
                    ref.convert(n, x, 0, converted, 0);
                    CudaStorage c = buf.output(to, n);
                    be.convert(n, buf.padded(x), OFFSET, c, OFFSET);
                    exactly(name + " convert " + dt + " to " + to + " n=" + n, converted, buf.values("convert", c, n));
                }
            }
        }
    }

    private static final int[][] REDUCE_SHAPES = {
        {0, 3, 1}, {1, 1, 1}, {3, 31, 1}, {2, 32, 1}, {5, 33, 1}, {2, 1021, 1}, {1, 40_000, 1},
        {2, 3, 5}, {3, 33, 31}, {1, 1021, 2}, {4, 7, 1021}, {2, 200, 300}, {3, 0, 4}, {300, 3, 1}
    };

    private static double sumAbs(Storage s) {
        double sum = 0;
        for (int i = 0; i < s.length(); i++) {
            sum += Math.abs(s.get(i));
        }
        return sum;
    }

    @CudaBackends.OnEach
    void reduceOverTheMiddleAxis(String name) {
        CudaBackend be = CudaBackends.get(name);
        DeviceBuffers buf = new DeviceBuffers(be, 5);
        for (DType dt : DTYPES) {
            for (ReduceOp op : ReduceOp.values()) {
                for (int[] s : REDUCE_SHAPES) {
                    if (op == ReduceOp.MAX && s[1] == 0) {
                        continue;
                    }
                    Storage x = buf.random(dt, s[0] * s[1] * s[2]);
                    int n = s[0] * s[2];
                    Storage want = Storage.onHost(dt, n);
                    ref.reduce(op, s[0], s[1], s[2], x, 0, want, 0);
                    CudaStorage out = buf.output(dt, n);
                    be.reduce(op, s[0], s[1], s[2], buf.padded(x), OFFSET, out, OFFSET);
                    String label = op + " " + Arrays.toString(s) + " " + dt;
                    same(name, label, want, buf.values(label, out, n), 1 + sumAbs(x));
                }
            }
            CudaStorage empty = be.allocate(dt, 4);
            assertThrows(IllegalArgumentException.class, () -> be.reduce(ReduceOp.MAX, 2, 0, 1, empty, 0, empty, 0));
        }
    }

    private static final int[][] SOFTMAX_SHAPES = {{0, 5}, {1, 1}, {3, 31}, {2, 32}, {5, 33}, {64, 10}, {3, 1021}, {1, 40_000}};

    @CudaBackends.OnEach
    void softmaxAndLogSoftmaxWithTheirBackward(String name) {
        CudaBackend be = CudaBackends.get(name);
        DeviceBuffers buf = new DeviceBuffers(be, 6);
        for (DType dt : DTYPES) {
            for (boolean log : new boolean[] {false, true}) {
                for (int[] s : SOFTMAX_SHAPES) {
                    int n = s[0] * s[1];
                    Storage x = buf.random(dt, n, v -> v * 30);  // ±90: an unshifted e^x would overflow F32
                    Storage y = Storage.onHost(dt, n);
                    ref.softmax(s[0], s[1], x, 0, y, 0, log);
                    CudaStorage dy = buf.output(dt, n);
                    be.softmax(s[0], s[1], buf.padded(x), OFFSET, dy, OFFSET, log);
                    String label = (log ? "log-softmax " : "softmax ") + s[0] + "x" + s[1] + " " + dt;
                    same(name, label, y, buf.values(label, dy, n), 1);
                    Storage g = buf.random(dt, n);
                    Storage dx = Storage.onHost(dt, n);
                    ref.softmaxBackward(s[0], s[1], y, 0, g, 0, dx, 0, log);
                    CudaStorage ddx = buf.output(dt, n);
                    be.softmaxBackward(s[0], s[1], buf.padded(y), OFFSET, buf.padded(g), OFFSET, ddx, OFFSET, log);
                    same(name, label + " backward", dx, buf.values(label, ddx, n), 1 + sumAbs(g) / Math.max(1, s[0]));
                }
            }
        }
    }

    @CudaBackends.OnEach
    void gatherAndScatterAddRowsWithRepeatedIds(String name) {
        CudaBackend be = CudaBackends.get(name);
        DeviceBuffers buf = new DeviceBuffers(be, 7);
        int tableRows = 7;
        for (DType dt : DTYPES) {
            for (int rowLen : new int[] {0, 1, 31, 33, 1021}) {
                for (int count : new int[] {0, 1, 33, 200, 2000}) {
                    int[] ids = buf.rng().ints(count, 0, tableRows).toArray();
                    Storage table = buf.random(dt, tableRows * rowLen);
                    Storage gathered = Storage.onHost(dt, count * rowLen);
                    ref.gatherRows(ids, rowLen, table, 0, gathered, 0);
                    CudaStorage dTable = buf.padded(table);
                    CudaStorage out = buf.output(dt, count * rowLen);
                    be.gatherRows(ids, rowLen, dTable, OFFSET, out, OFFSET);
                    String label = count + " ids, rows of " + rowLen + " " + dt;
                    exactly(name + " gather " + label, gathered, buf.values(label, out, count * rowLen));
                    Storage src = buf.random(dt, count * rowLen);
                    ref.scatterAddRows(ids, ids.length, rowLen, src, 0, table, 0);
                    be.scatterAddRows(ids, ids.length, rowLen, buf.padded(src), OFFSET, dTable, OFFSET);
                    same(name, "scatter-add " + label, table, buf.values(label, dTable, table.length()),
                            1 + 3.0 * count / tableRows);
                }
            }
        }
    }

    /** Views of a contiguous source: permuted axes, broadcast (stride 0) axes, up to rank 8. */
    private static final int[][][] COPY_VIEWS = {
        {{}, {}}, {{0, 3}, {3, 1}}, {{1}, {1}}, {{31}, {2}}, {{33, 3}, {1, 33}}, {{4, 5, 3}, {1, 12, 4}},
        {{5, 1021}, {0, 1}}, {{2, 3, 2, 3, 2, 3, 2, 3}, {1, 2, 6, 12, 24, 48, 96, 192}}, {{200, 201}, {1, 200}},
        {{1100, 1001}, {1, 1100}}
    };

    @CudaBackends.OnEach
    void stridedCopy(String name) {
        CudaBackend be = CudaBackends.get(name);
        DeviceBuffers buf = new DeviceBuffers(be, 8);
        for (DType dt : DTYPES) {
            for (int[][] view : COPY_VIEWS) {
                int[] shape = view[0], strides = view[1];
                int reach = 1, total = 1;
                for (int d = 0; d < shape.length; d++) {
                    reach += Math.max(0, shape[d] - 1) * strides[d];
                    total *= shape[d];
                }
                Storage src = buf.random(dt, reach);
                Storage want = Storage.onHost(dt, total);
                ref.copy(shape, src, 0, strides, want, 0);
                CudaStorage out = buf.output(dt, total);
                be.copy(shape, buf.padded(src), OFFSET, strides, out, OFFSET);
                exactly(name + " copy " + Arrays.toString(shape) + " " + dt, want, buf.values("copy", out, total));
            }
        }
        CudaStorage s = be.allocate(DType.F32, 1);
        int[] nine = new int[9];
        Arrays.fill(nine, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> be.copy(nine, s, 0, nine, s, 0));
        assertTrue(e.getMessage().contains("rank 9"), e.getMessage());
    }

    /** {m, n, k}: vectors, k = 0, empty results, odd sizes, and one larger than a tile. */
    private static final int[][] GEMM_SHAPES = {{1, 1, 1}, {17, 33, 19}, {1, 64, 5}, {64, 1, 5}, {3, 4, 0},
        {0, 3, 2}, {128, 96, 200}};

    @CudaBackends.OnEach
    void gemmEveryTransposePaddedAndOverNaN(String name) {
        CudaBackend be = CudaBackends.get(name);
        DeviceBuffers buf = new DeviceBuffers(be, 9);
        for (DType dt : DTYPES) {
            for (int[] s : GEMM_SHAPES) {
                int m = s[0], n = s[1], k = s[2];
                for (int t = 0; t < 4; t++) {
                    for (double beta : new double[] {0, 0.5}) {
                        boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                        int lda = (ta ? m : k) + 2, ldb = (tb ? k : n) + 1, ldc = n + 3;
                        Storage a = buf.random(dt, (ta ? k : m) * lda);
                        Storage b = buf.random(dt, (tb ? n : k) * ldb);
                        Storage c = buf.random(dt, m * ldc, v -> beta == 0 ? Double.NaN : v);
                        CudaStorage dc = buf.padded(c);
                        be.gemm(ta, tb, m, n, k, buf.padded(a), OFFSET, lda, buf.padded(b), OFFSET, ldb, beta, dc, OFFSET, ldc);
                        ref.gemm(ta, tb, m, n, k, a, 0, lda, b, 0, ldb, beta, c, 0, ldc);
                        Storage got = buf.values("gemm", dc, c.length());
                        for (int i = 0; i < m; i++) {    // the padding columns of C are not results
                            for (int j = n; j < ldc; j++) {
                                got.set(i * ldc + j, c.get(i * ldc + j));
                            }
                        }
                        same(name, "gemm " + m + "x" + n + "x" + k + " transA=" + ta + " transB=" + tb + " beta=" + beta
                                + " " + dt, c, got, 3.0 * k);
                    }
                }
            }
        }
    }

    /** Every optimizer update of optim.cu against the reference: elementwise rules bit for bit, the one-block sum to its bound. */
    @CudaBackends.OnEach
    void optimizerUpdates(String name) {
        CudaBackend be = CudaBackends.get(name);
        DeviceBuffers buf = new DeviceBuffers(be, 10);
        AdamStep adam = AdamStep.pytorch(0.01, 0.9, 0.999, 1e-7, 3);
        SgdStep[] sgd = {new SgdStep(0.1, 0, false), new SgdStep(0.03, 0.9, false), new SgdStep(0.07, 0.8, true)};
        for (DType dt : DTYPES) {
            for (int n : sizes(true)) {
                String at = " n=" + n + " " + dt;
                Storage w = buf.random(dt, n), m = buf.random(dt, n, v -> v / 10), v = buf.random(dt, n, x -> x * x / 10 + 1e-3);
                Storage g = buf.random(dt, n);
                CudaStorage dw = buf.padded(w), dm = buf.padded(m), dv = buf.padded(v), dg = buf.padded(g);
                be.adam(n, dw, OFFSET, dm, dv, dg, OFFSET, adam);
                ref.adam(n, w, 0, m, v, g, 0, adam);
                same(name, "adam w" + at, w, buf.values("adam", dw, n), 1);
                same(name, "adam m" + at, m, buf.values("adam", dm, n), 1);
                same(name, "adam v" + at, v, buf.values("adam", dv, n), 1);
                for (SgdStep step : sgd) {
                    CudaStorage sw = buf.padded(w), sb = step.hasMomentum() ? buf.padded(m) : null;
                    Storage b = step.hasMomentum() ? copyOf(m) : null;
                    be.sgd(n, sw, OFFSET, sb, dg, OFFSET, step);
                    Storage want = copyOf(w);
                    ref.sgd(n, want, 0, b, g, 0, step);
                    exactly(name + " " + step + at, want, buf.values("sgd", sw, n));
                    if (b != null) {
                        exactly(name + " " + step + " velocity" + at, b, buf.values("sgd", sb, n));
                    }
                }
                CudaStorage aw = buf.padded(w), as = buf.padded(v);
                be.adagrad(n, aw, OFFSET, as, dg, OFFSET, 0.05, 1e-7);
                Storage aWant = copyOf(w), sWant = copyOf(v);
                ref.adagrad(n, aWant, 0, sWant, g, 0, 0.05, 1e-7);
                exactly(name + " adagrad w" + at, aWant, buf.values("adagrad", aw, n));
                exactly(name + " adagrad s" + at, sWant, buf.values("adagrad", as, n));
                CudaStorage rw = buf.padded(w), rv = buf.padded(v);
                be.rmsprop(n, rw, OFFSET, rv, dg, OFFSET, 0.01, 0.9, 1e-7);
                Storage rWant = copyOf(w), vWant = copyOf(v);
                ref.rmsprop(n, rWant, 0, vWant, g, 0, 0.01, 0.9, 1e-7);
                exactly(name + " rmsprop w" + at, rWant, buf.values("rmsprop", rw, n));
                exactly(name + " rmsprop v" + at, vWant, buf.values("rmsprop", rv, n));
                CudaStorage xw = buf.padded(w), xs = buf.padded(v), xu = buf.padded(v);
                be.adadelta(n, xw, OFFSET, xs, xu, dg, OFFSET, 1.0, 0.95, 1e-6);
                Storage dWant = copyOf(w), sWant2 = copyOf(v), uWant = copyOf(v);
                ref.adadelta(n, dWant, 0, sWant2, uWant, g, 0, 1.0, 0.95, 1e-6);
                exactly(name + " adadelta w" + at, dWant, buf.values("adadelta", xw, n));
                exactly(name + " adadelta s" + at, sWant2, buf.values("adadelta", xs, n));
                exactly(name + " adadelta u" + at, uWant, buf.values("adadelta", xu, n));
                CudaStorage out = buf.output(dt, n);
                be.penaltyGradient(n, buf.padded(w), OFFSET, dg, OFFSET, out, OFFSET, 1e-3, 5e-4);   // w as the host has it: adam above is compared to float tolerance
                Storage pWant = Storage.onHost(dt, n);
                ref.penaltyGradient(n, w, 0, g, 0, pWant, 0, 1e-3, 5e-4);
                exactly(name + " penalty gradient" + at, pWant, buf.values("penalty", out, n));
                normClipping(name, be, buf, g, dg, n, at);
            }
        }
    }

    /** The sum of squares (one block, its own order: to the bound of an n-term sum), then the clip it decides on the device. */
    private void normClipping(String name, CudaBackend be, DeviceBuffers buf, Storage g, CudaStorage dg, int n, String at) {
        Storage acc = Storage.onHost(DType.F64, 1);
        ref.sumOfSquares(n, g, 0, acc, 0);
        CudaStorage dacc = be.allocate(DType.F64, 1);
        be.sumOfSquares(n, dg, OFFSET, dacc, 0);
        double got = be.download(dacc).get(0);
        assertEquals(acc.get(0), got, 1e-15 * n * Math.max(1, acc.get(0)), name + " sum of squares" + at);
        double maxNorm = Math.sqrt(acc.get(0)) / 2 + 1e-12;      // half the norm: the clip must act when n > 0
        Storage want = copyOf(g);
        ref.clipToNorm(n, want, 0, acc, 0, maxNorm);
        CudaStorage clipped = buf.padded(g);
        be.clipToNorm(n, clipped, OFFSET, be.upload(acc), 0, maxNorm);
        exactly(name + " clip to norm" + at, want, buf.values("clip", clipped, n));
    }

    private static Storage copyOf(Storage s) {
        Storage c = Storage.onHost(s.dtype(), s.length());
        new ScalarBackend().copy(new int[] {s.length()}, s, 0, new int[] {1}, c, 0);
        return c;
    }

    /** The fused LSTM step against the Backend default (unary and binary kernels, composed) on the reference. */
    @CudaBackends.OnEach
    void lstmStepForwardAndBackward(String name) {
        CudaBackend be = CudaBackends.get(name);
        DeviceBuffers buf = new DeviceBuffers(be, 11);
        for (DType dt : DTYPES) {
            for (int n : new int[] {0, 1, 31, 33, 1021, 300_007}) {
                Storage pre = buf.random(dt, 4 * n, v -> v * 2), cPrev = buf.random(dt, n);
                Storage act = Storage.onHost(dt, 4 * n), c = Storage.onHost(dt, n), tanhC = Storage.onHost(dt, n),
                        h = Storage.onHost(dt, n);
                ref.lstmStepForward(n, pre, 0, cPrev, 0, act, 0, c, 0, tanhC, 0, h, 0);
                CudaStorage dAct = buf.output(dt, 4 * n), dC = buf.output(dt, n), dTanhC = buf.output(dt, n),
                        dH = buf.output(dt, n), dCPrev = buf.padded(cPrev);
                be.lstmStepForward(n, buf.padded(pre), OFFSET, dCPrev, OFFSET, dAct, OFFSET, dC, OFFSET, dTanhC, OFFSET,
                        dH, OFFSET);
                String label = "lstm step n=" + n + " " + dt;
                same(name, label + " act", act, buf.values(label, dAct, 4 * n), 1);
                same(name, label + " c", c, buf.values(label, dC, n), 1);
                same(name, label + " tanh c", tanhC, buf.values(label, dTanhC, n), 1);
                same(name, label + " h", h, buf.values(label, dH, n), 1);

                Storage dh = buf.random(dt, n), dc = buf.random(dt, n), dpre = Storage.onHost(dt, 4 * n);
                CudaStorage dDc = buf.padded(dc), dDpre = buf.output(dt, 4 * n);
                be.lstmStepBackward(n, dAct, OFFSET, dCPrev, OFFSET, dTanhC, OFFSET, buf.padded(dh), OFFSET, dDc, OFFSET,
                        dDpre, OFFSET);
                ref.lstmStepBackward(n, act, 0, cPrev, 0, tanhC, 0, dh, 0, dc, 0, dpre, 0);
                same(name, label + " dpre", dpre, buf.values(label, dDpre, 4 * n), 1);
                same(name, label + " dc", dc, buf.values(label, dDc, n), 1);
            }
        }
    }
}
