package jgrad.backend.simd;

import java.lang.invoke.MethodHandles;
import java.util.List;
import jdk.incubator.vector.FloatVector;
import jgrad.backend.AdamStep;
import jgrad.backend.BinaryOp;
import jgrad.backend.OptimizerKernels;
import jgrad.backend.ReduceOp;
import jgrad.backend.SgdStep;
import jgrad.backend.UnaryOp;
import jgrad.backend.Storage;
import jgrad.backend.Triangle;

/**
 * The Vector API backend: every kernel has a float path written with {@code jdk.incubator.vector}
 * at the machine's preferred width ({@link FloatVector#SPECIES_PREFERRED}, never a fixed one),
 * and F64 calls fall through to the scalar reference it extends, since F64 is there to verify,
 * not to be fast. Work is split across {@code -Djgrad.threads} threads where the size repays it.
 *
 * <p>This class is loaded reflectively by {@link jgrad.backend.Backends#simd()} only when the
 * incubator module is readable. Results match the scalar reference up to float rounding: the
 * reference accumulates in double, this backend in float, with FMA and in a different order.
 *
 * <p>The width is whatever the JVM grants: HotSpot keeps to 256-bit AVX2 on CPUs it takes for early
 * Skylake servers even when they have AVX-512 (this project's VM reports one), and
 * {@code -XX:UseAVX=3} lifts that, doubling the lanes and roughly the GEMM speed.
 *
 * <p>The backend is a dispatch table in three layers, one family group each: this class (products, elementwise
 * kernels, reductions, rows, copies, random draws, optimizers), {@link SimdConvDispatch} (convolution and pooling)
 * and {@link SimdSequenceDispatch} (recurrent cells, attention, layer normalization). Each override sends F32
 * storages to the kernel class of its family and anything else to the scalar reference.
 */
public class SimdBackend extends SimdConvDispatch {

    /** Slices of independent items ({@link #forSlices}) are worth a thread from this many multiply-adds each. */
    private static final long SLICE_GRAIN = 1L << 20;

    /** Read when the backend is made, so that a bad {@code -Djgrad.threads} stops its creation, not a later kernel. */
    private final int threads = SimdParallel.THREADS;

    static {
        // The classes that read -Djgrad.* tuning switches (Settings) are initialized with the backend, so that a
        // bad value fails where Backends.simd() names it, and not as an internal error in the first kernel to run.
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        for (Class<?> c : List.of(SimdGemm.class, SimdGemmInPlace.class, SimdGemmSwap.class, SimdChunks.class)) {
            try {
                lookup.ensureInitialized(c);
            } catch (IllegalAccessException e) {
                throw new AssertionError("a class of its own package", e);
            }
        }
    }

    @Override
    public String name() {
        return "simd";
    }

    /** The vector width in float lanes. */
    public int lanes() {
        return FloatVector.SPECIES_PREFERRED.length();
    }

    /** A description such as "Species[float, 16, S_512_BIT]". */
    public String species() {
        return FloatVector.SPECIES_PREFERRED.toString();
    }

    /** How many threads kernels may use ({@code -Djgrad.threads}, default: available processors). */
    public int threads() {
        return threads;
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     Storage a, int aOff, int lda, Storage b, int bOff, int ldb,
                     double beta, Storage c, int cOff, int ldc) {
        if (a instanceof Storage.F32 fa && b instanceof Storage.F32 fb && c instanceof Storage.F32 fc) {
            SimdGemm.checkArguments(transA, transB, m, n, k, lda, ldb, ldc);
            SimdGemm.gemm(transA, transB, m, n, k, fa.a, aOff, lda, fb.a, bOff, ldb, (float) beta, fc.a, cOff, ldc);
        } else {
            super.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        }
    }

    @Override
    public int packedRightSize(int k, int n) {
        return SimdGemmPackedRight.size(k, n);
    }

    @Override
    public void packRight(boolean transB, int k, int n, Storage b, int bOff, int ldb, Storage packed, int packedOff) {
        if (b instanceof Storage.F32 fb && packed instanceof Storage.F32 fp) {
            if (k < 0 || n < 0 || ldb < (transB ? k : n)) {
                throw new IllegalArgumentException("packRight: k=" + k + ", n=" + n + ", ldb=" + ldb + " (needs "
                        + (transB ? "k" : "n") + " at least)");
            }
            checkPacked("packRight", k, n, fp, packedOff);
            SimdGemmPackedRight.pack(transB, k, n, fb.a, bOff, ldb, fp.a, packedOff);
        } else {
            super.packRight(transB, k, n, b, bOff, ldb, packed, packedOff);
        }
    }

    @Override
    public void gemmPackedRight(boolean transA, int m, int n, int k, Storage a, int aOff, int lda, Storage packed,
                                int packedOff, double beta, Storage c, int cOff, int ldc) {
        if (a instanceof Storage.F32 fa && packed instanceof Storage.F32 fp && c instanceof Storage.F32 fc) {
            SimdGemm.checkArguments(transA, false, m, n, k, lda, n, ldc);
            checkPacked("gemmPackedRight", k, n, fp, packedOff);
            SimdGemmPackedRight.gemm(transA, m, n, k, fa.a, aOff, lda, fp.a, packedOff, (float) beta, fc.a, cOff, ldc);
        } else {
            super.gemmPackedRight(transA, m, n, k, a, aOff, lda, packed, packedOff, beta, c, cOff, ldc);
        }
    }

    private static void checkPacked(String op, int k, int n, Storage.F32 packed, int off) {
        int size = SimdGemmPackedRight.size(k, n);
        if (off < 0 || packed.a.length - off < size) {
            throw new IllegalArgumentException(op + ": the packed " + k + "×" + n + " operand needs " + size
                    + " floats from offset " + off + ", the buffer holds " + packed.a.length);
        }
    }

    @Override
    public void forSlices(int n, long workPerItem, SliceBody body) {
        int tasks = Math.min(n, SimdParallel.tasksFor((long) n * workPerItem, SLICE_GRAIN));
        if (tasks <= 1) {
            body.run(0, n);
            return;
        }
        SimdParallel.run(tasks, t -> body.run((int) ((long) n * t / tasks), (int) ((long) n * (t + 1) / tasks)));
    }

    /** The products of a batch, side by side: each runs whole on one thread, so each gives the bits it gives alone. */
    @Override
    public void gemmBatch(boolean transA, boolean transB, int m, int n, int k, int count,
                          Storage a, int[] aOffs, int lda, Storage b, int[] bOffs, int ldb, Storage c, int cOff) {
        if (!SimdChunks.sideBySide(count, (long) m * n * Math.max(k, 1), i -> gemm(transA, transB, m, n, k, a, aOffs[i],
                lda, b, bOffs[i], ldb, 0, c, cOff + i * m * n, n))) {
            super.gemmBatch(transA, transB, m, n, k, count, a, aOffs, lda, b, bOffs, ldb, c, cOff);
        }
    }

    /** As {@link #gemmBatch}: each product whole on one thread. */
    @Override
    public void gemmTriangularBatch(Triangle shape, boolean transA, boolean transB, int m, int n, int k, int count,
                                    Storage a, int[] aOffs, int lda, Storage b, int[] bOffs, int ldb, Storage c,
                                    int cOff) {
        if (!SimdChunks.sideBySide(count, (long) m * n * Math.max(k, 1) / 2, i -> gemmTriangular(shape, transA, transB,
                m, n, k, a, aOffs[i], lda, b, bOffs[i], ldb, c, cOff + i * m * n))) {
            super.gemmTriangularBatch(shape, transA, transB, m, n, k, count, a, aOffs, lda, b, bOffs, ldb, c, cOff);
        }
    }

    @Override
    public void binary(BinaryOp op, int n, Storage a, int aOff, int aStep, Storage b, int bOff, int bStep,
                       Storage out, int outOff) {
        if ((aStep & ~1) != 0 || (bStep & ~1) != 0) {
            throw new IllegalArgumentException("binary " + op + ": steps must be 0 or 1, got " + aStep + " and " + bStep);
        }
        if (a instanceof Storage.F32 fa && b instanceof Storage.F32 fb && out instanceof Storage.F32 fo) {
            SimdElementwise.binaryInChunks(op, n, fa.a, aOff, aStep, fb.a, bOff, bStep, fo.a, outOff);
        } else {
            super.binary(op, n, a, aOff, aStep, b, bOff, bStep, out, outOff);
        }
    }

    @Override
    public void unary(UnaryOp op, int n, Storage x, int xOff, Storage out, int outOff, double alpha) {
        if (x instanceof Storage.F32 fx && out instanceof Storage.F32 fo) {
            SimdElementwise.unaryInChunks(op, n, fx.a, xOff, fo.a, outOff, (float) alpha);
        } else {
            super.unary(op, n, x, xOff, out, outOff, alpha);
        }
    }

    @Override
    public void unaryBackward(UnaryOp op, int n, Storage x, int xOff, Storage y, int yOff, Storage g, int gOff,
                              Storage dx, int dxOff, double alpha) {
        if (x instanceof Storage.F32 fx && y instanceof Storage.F32 fy && g instanceof Storage.F32 fg
                && dx instanceof Storage.F32 fd) {
            SimdElementwise.unaryBackwardInChunks(op, n, fx.a, xOff, fy.a, yOff, fg.a, gOff, fd.a, dxOff,
                    (float) alpha);
        } else {
            super.unaryBackward(op, n, x, xOff, y, yOff, g, gOff, dx, dxOff, alpha);
        }
    }

    @Override
    public void reduce(ReduceOp op, int outer, int len, int inner, Storage x, int xOff, Storage out, int outOff) {
        if (x instanceof Storage.F32 fx && out instanceof Storage.F32 fo) {
            SimdReductions.reduce(op, outer, len, inner, fx.a, xOff, fo.a, outOff);
        } else {
            super.reduce(op, outer, len, inner, x, xOff, out, outOff);
        }
    }

    @Override
    public void softmax(int rows, int cols, Storage x, int xOff, Storage y, int yOff, boolean log) {
        if (x instanceof Storage.F32 fx && y instanceof Storage.F32 fy) {
            SimdReductions.softmax(rows, cols, fx.a, xOff, fy.a, yOff, log);
        } else {
            super.softmax(rows, cols, x, xOff, y, yOff, log);
        }
    }

    @Override
    public void softmaxBackward(int rows, int cols, Storage y, int yOff, Storage g, int gOff, Storage dx, int dxOff,
                                boolean log) {
        if (y instanceof Storage.F32 fy && g instanceof Storage.F32 fg && dx instanceof Storage.F32 fd) {
            SimdReductions.softmaxBackward(rows, cols, fy.a, yOff, fg.a, gOff, fd.a, dxOff, log);
        } else {
            super.softmaxBackward(rows, cols, y, yOff, g, gOff, dx, dxOff, log);
        }
    }

    @Override
    public void gatherRows(int[] ids, int rowLen, Storage table, int tableOff, Storage out, int outOff) {
        if (table instanceof Storage.F32 ft && out instanceof Storage.F32 fo) {
            SimdMemory.gatherRows(ids, rowLen, ft.a, tableOff, fo.a, outOff);
        } else {
            super.gatherRows(ids, rowLen, table, tableOff, out, outOff);
        }
    }

    @Override
    public void gatherDot(int[] ids, int rowLen, Storage h, int hOff, Storage table, int tableOff, Storage out,
                          int outOff) {
        if (h instanceof Storage.F32 fh && table instanceof Storage.F32 ft && out instanceof Storage.F32 fo) {
            SimdChunks.inChunks(ids.length, Math.max(1, SimdChunks.PARALLEL_ELEMENTS / rowLen), (off, len) ->
                    SimdGatherDot.forward(ids, off, off + len, rowLen, fh.a, hOff, ft.a, tableOff, fo.a, outOff));
        } else {
            super.gatherDot(ids, rowLen, h, hOff, table, tableOff, out, outOff);
        }
    }

    @Override
    public void gatherDotBackward(int[] ids, int rowLen, Storage g, int gOff, Storage h, int hOff, Storage table,
                                  int tableOff, Storage dh, int dhOff, Storage dRows, int dRowsOff) {
        if (g instanceof Storage.F32 fg && h instanceof Storage.F32 fh && table instanceof Storage.F32 ft
                && dh instanceof Storage.F32 fd && dRows instanceof Storage.F32 fr) {
            SimdChunks.inChunks(ids.length, Math.max(1, SimdChunks.PARALLEL_ELEMENTS / rowLen), (off, len) ->
                    SimdGatherDot.backward(ids, off, off + len, rowLen, fg.a, gOff, fh.a, hOff, ft.a, tableOff,
                            fd.a, dhOff, fr.a, dRowsOff));
        } else {
            super.gatherDotBackward(ids, rowLen, g, gOff, h, hOff, table, tableOff, dh, dhOff, dRows, dRowsOff);
        }
    }

    @Override
    public void scatterAddRows(int[] ids, int count, int rowLen, Storage src, int srcOff, Storage table, int tableOff) {
        if (src instanceof Storage.F32 fs && table instanceof Storage.F32 ft) {
            SimdMemory.scatterAddRows(ids, count, rowLen, fs.a, srcOff, ft.a, tableOff);
        } else {
            super.scatterAddRows(ids, count, rowLen, src, srcOff, table, tableOff);
        }
    }

    @Override
    public void copy(int[] shape, Storage src, int srcOff, int[] srcStrides, Storage dst, int dstOff) {
        if (shape.length != srcStrides.length) {
            throw new IllegalArgumentException("copy: shape has rank " + shape.length + " but strides have "
                    + srcStrides.length);
        }
        if (src instanceof Storage.F32 fs && dst instanceof Storage.F32 fd) {
            SimdMemory.copy(shape, fs.a, srcOff, srcStrides, fd.a, dstOff);
        } else {
            super.copy(shape, src, srcOff, srcStrides, dst, dstOff);
        }
    }

    @Override
    public void fill(int n, Storage dst, int dstOff, double value) {
        if (dst instanceof Storage.F32 fd) {
            SimdMemory.fill(n, fd.a, dstOff, (float) value);
        } else {
            super.fill(n, dst, dstOff, value);
        }
    }

    @Override
    public void rowSquaredNorms(int rows, int cols, Storage x, int xOff, Storage out, int outOff) {
        if (x instanceof Storage.F32 fx && out instanceof Storage.F32 fo) {
            SimdReductions.rowSquaredNorms(rows, cols, fx.a, xOff, fo.a, outOff);
        } else {
            super.rowSquaredNorms(rows, cols, x, xOff, out, outOff);
        }
    }

    @Override
    public void dropoutMask(int n, long seed, long offset, double p, Storage out, int outOff) {
        if (out instanceof Storage.F32 f) {
            SimdChunks.inChunks(n, SimdChunks.NOISE_GRAIN, (off, len) -> SimdDropout.mask(len, seed, offset + off, p,
                    f.a, outOff + off));
        } else {
            super.dropoutMask(n, seed, offset, p, out, outOff);
        }
    }

    @Override
    public void addGaussian(int n, long seed, long offset, double std, Storage out, int outOff) {
        if (out instanceof Storage.F32 f) {
            SimdChunks.inChunks(n, SimdChunks.NOISE_GRAIN, (off, len) -> SimdNoise.addGaussian(len, seed, offset + off,
                    std, f.a, outOff + off));
        } else {
            super.addGaussian(n, seed, offset, std, out, outOff);
        }
    }

    @Override
    public void adam(int n, Storage w, int wOff, Storage m, Storage v, Storage g, int gOff, AdamStep step) {
        if (w instanceof Storage.F32 fw && m instanceof Storage.F32 fm && v instanceof Storage.F32 fv
                && g instanceof Storage.F32 fg) {
            SimdOptim.adamInChunks(n, fw.a, wOff, fm.a, fv.a, fg.a, gOff, step);
        } else {
            super.adam(n, w, wOff, m, v, g, gOff, step);
        }
    }

    @Override
    public void adamRows(int rows, int rowLen, Storage w, int wOff, Storage m, Storage v, int[] ids, int count,
                         Storage g, int gOff, AdamStep step, Storage dense) {
        if (rowLen < SimdOptim.LANES) {
            // rows shorter than a vector (an MF bias table): one call per row would cost more than the zeros
            OptimizerKernels.adamRowsDensified(this, rows, rowLen, w, wOff, m, v, ids, count, g, gOff, step, dense);
        } else if (w instanceof Storage.F32 fw && m instanceof Storage.F32 fm && v instanceof Storage.F32 fv
                && g instanceof Storage.F32 fg) {
            SimdOptim.adamRowsInChunks(rows, rowLen, fw.a, wOff, fm.a, fv.a, ids, count, fg.a, gOff, step);
        } else {
            super.adamRows(rows, rowLen, w, wOff, m, v, ids, count, g, gOff, step, dense);
        }
    }

    // SGD, Adagrad, RMSprop, Adadelta, the penalty gradient and the norm clipping compute in double lanes, bit for
    // bit as the scalar reference (SimdOptim). The sum of squares stays the reference's sequential double
    // sum: a vector sum would reorder it, and it runs once per clipped step.

    @Override
    public void sgd(int n, Storage w, int wOff, Storage b, Storage g, int gOff, SgdStep step) {
        if (w instanceof Storage.F32 fw && g instanceof Storage.F32 fg
                && (!step.hasMomentum() || b instanceof Storage.F32)) {
            float[] fb = step.hasMomentum() ? ((Storage.F32) b).a : null;
            SimdOptim.sgdInChunks(n, fw.a, wOff, fb, fg.a, gOff, step);
        } else {
            super.sgd(n, w, wOff, b, g, gOff, step);
        }
    }

    @Override
    public void adagrad(int n, Storage w, int wOff, Storage s, Storage g, int gOff, double lr, double epsilon) {
        if (w instanceof Storage.F32 fw && s instanceof Storage.F32 fs && g instanceof Storage.F32 fg) {
            SimdOptim.adagradInChunks(n, fw.a, wOff, fs.a, fg.a, gOff, lr, epsilon);
        } else {
            super.adagrad(n, w, wOff, s, g, gOff, lr, epsilon);
        }
    }

    @Override
    public void rmsprop(int n, Storage w, int wOff, Storage v, Storage g, int gOff, double lr, double rho,
                        double epsilon) {
        if (w instanceof Storage.F32 fw && v instanceof Storage.F32 fv && g instanceof Storage.F32 fg) {
            SimdOptim.rmspropInChunks(n, fw.a, wOff, fv.a, fg.a, gOff, lr, rho, epsilon);
        } else {
            super.rmsprop(n, w, wOff, v, g, gOff, lr, rho, epsilon);
        }
    }

    @Override
    public void adadelta(int n, Storage w, int wOff, Storage s, Storage u, Storage g, int gOff, double lr, double rho,
                         double epsilon) {
        if (w instanceof Storage.F32 fw && s instanceof Storage.F32 fs && u instanceof Storage.F32 fu
                && g instanceof Storage.F32 fg) {
            SimdOptim.adadeltaInChunks(n, fw.a, wOff, fs.a, fu.a, fg.a, gOff, lr, rho, epsilon);
        } else {
            super.adadelta(n, w, wOff, s, u, g, gOff, lr, rho, epsilon);
        }
    }

    @Override
    public void penaltyGradient(int n, Storage w, int wOff, Storage g, int gOff, Storage out, int outOff,
                                double l1, double l2) {
        if (w instanceof Storage.F32 fw && g instanceof Storage.F32 fg && out instanceof Storage.F32 fo) {
            SimdOptim.penaltyGradientInChunks(n, fw.a, wOff, fg.a, gOff, fo.a, outOff, l1, l2);
        } else {
            super.penaltyGradient(n, w, wOff, g, gOff, out, outOff, l1, l2);
        }
    }

    @Override
    public void clipToNorm(int n, Storage x, int xOff, Storage sumSq, int sOff, double maxNorm) {
        checkF64("clipToNorm", sumSq);
        double norm = Math.sqrt(sumSq.get(sOff));
        if (!(x instanceof Storage.F32 fx) || !(norm > maxNorm)) {
            super.clipToNorm(n, x, xOff, sumSq, sOff, maxNorm);
            return;
        }
        SimdOptim.scaleInChunks(n, fx.a, xOff, maxNorm / norm);
    }
}
