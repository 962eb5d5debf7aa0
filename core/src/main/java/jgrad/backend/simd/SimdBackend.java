package jgrad.backend.simd;

import jdk.incubator.vector.FloatVector;
import jgrad.backend.AdamStep;
import jgrad.backend.BinaryOp;
import jgrad.backend.ConvGeometry;
import jgrad.backend.DType;
import jgrad.backend.OptimizerKernels;
import jgrad.backend.ReduceOp;
import jgrad.backend.ScalarBackend;
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
 */
public class SimdBackend extends ScalarBackend {

    /** Elementwise calls at least this long are split across threads. */
    private static final int PARALLEL_ELEMENTS = 1 << 18;
    /** An Adam element costs a division and a square root besides seven memory accesses: split earlier. */
    private static final int ADAM_GRAIN = 1 << 15;
    /** Gaussian draws per thread: one costs about 10 ns, so 32,768 are worth a hand-off to another core. */
    private static final int NOISE_GRAIN = 1 << 15;
    /** A batch of products is split across threads from this many multiply-adds in all. */
    private static final long BATCH_GRAIN = 1L << 20;
    /** Slices of independent items ({@link #forSlices}) are worth a thread from this many multiply-adds each. */
    private static final long SLICE_GRAIN = 1L << 20;
    /** Batch chunks per thread: a thread that starts late finds work left to claim. */
    private static final int BATCH_CHUNKS_PER_THREAD = 4;

    /** Read when the backend is made, so that a bad {@code -Djgrad.threads} stops its creation, not a later kernel. */
    private final int threads = SimdParallel.THREADS;

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
            checkGemm(transA, transB, m, n, k, lda, ldb, ldc);
            SimdGemm.gemm(transA, transB, m, n, k, fa.a, aOff, lda, fb.a, bOff, ldb, (float) beta, fc.a, cOff, ldc);
        } else {
            super.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
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
        if (!sideBySide(count, (long) m * n * Math.max(k, 1), i -> gemm(transA, transB, m, n, k, a, aOffs[i], lda,
                b, bOffs[i], ldb, 0, c, cOff + i * m * n, n))) {
            super.gemmBatch(transA, transB, m, n, k, count, a, aOffs, lda, b, bOffs, ldb, c, cOff);
        }
    }

    /** As {@link #gemmBatch}: each product whole on one thread. */
    @Override
    public void gemmTriangularBatch(Triangle shape, boolean transA, boolean transB, int m, int n, int k, int count,
                                    Storage a, int[] aOffs, int lda, Storage b, int[] bOffs, int ldb, Storage c,
                                    int cOff) {
        if (!sideBySide(count, (long) m * n * Math.max(k, 1) / 2, i -> gemmTriangular(shape, transA, transB, m, n, k,
                a, aOffs[i], lda, b, bOffs[i], ldb, c, cOff + i * m * n))) {
            super.gemmTriangularBatch(shape, transA, transB, m, n, k, count, a, aOffs, lda, b, bOffs, ldb, c, cOff);
        }
    }

    /** Runs {@code product} for each of {@code count} products on the pool, if they are work enough to share. */
    private static boolean sideBySide(int count, long workEach, java.util.function.IntConsumer product) {
        int tasks = SimdParallel.tasksFor(count * workEach, BATCH_GRAIN);
        if (tasks == 1 || count < 2) {
            return false;
        }
        int chunks = Math.min(count, tasks * BATCH_CHUNKS_PER_THREAD);
        SimdParallel.run(chunks, t -> {
            for (int i = (int) ((long) t * count / chunks); i < (int) ((long) (t + 1) * count / chunks); i++) {
                product.accept(i);
            }
        });
        return true;
    }

    private static void checkGemm(boolean transA, boolean transB, int m, int n, int k, int lda, int ldb, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm: negative size m=" + m + " n=" + n + " k=" + k);
        }
        int aCols = transA ? m : k;
        int bCols = transB ? k : n;
        if (lda < aCols || ldb < bCols || ldc < n) {
            throw new IllegalArgumentException("gemm: leading dimension too small: lda=" + lda + " (needs " + aCols
                    + "), ldb=" + ldb + " (needs " + bCols + "), ldc=" + ldc + " (needs " + n + ")");
        }
    }

    @Override
    public void binary(BinaryOp op, int n, Storage a, int aOff, int aStep, Storage b, int bOff, int bStep,
                       Storage out, int outOff) {
        if ((aStep & ~1) != 0 || (bStep & ~1) != 0) {
            throw new IllegalArgumentException("binary " + op + ": steps must be 0 or 1, got " + aStep + " and " + bStep);
        }
        if (a instanceof Storage.F32 fa && b instanceof Storage.F32 fb && out instanceof Storage.F32 fo) {
            if (oneChunk(n, PARALLEL_ELEMENTS)) {
                SimdElementwise.binary(op, n, fa.a, aOff, aStep, fb.a, bOff, bStep, fo.a, outOff);
            } else {
                inChunks(n, PARALLEL_ELEMENTS, (off, len) -> SimdElementwise.binary(op, len, fa.a, aOff + off * aStep,
                        aStep, fb.a, bOff + off * bStep, bStep, fo.a, outOff + off));
            }
        } else {
            super.binary(op, n, a, aOff, aStep, b, bOff, bStep, out, outOff);
        }
    }

    @Override
    public void unary(UnaryOp op, int n, Storage x, int xOff, Storage out, int outOff, double alpha) {
        if (x instanceof Storage.F32 fx && out instanceof Storage.F32 fo) {
            if (oneChunk(n, PARALLEL_ELEMENTS)) {
                SimdElementwise.unary(op, n, fx.a, xOff, fo.a, outOff, (float) alpha);
            } else {
                inChunks(n, PARALLEL_ELEMENTS, (off, len) -> SimdElementwise.unary(op, len, fx.a, xOff + off,
                        fo.a, outOff + off, (float) alpha));
            }
        } else {
            super.unary(op, n, x, xOff, out, outOff, alpha);
        }
    }

    @Override
    public void unaryBackward(UnaryOp op, int n, Storage x, int xOff, Storage y, int yOff, Storage g, int gOff,
                              Storage dx, int dxOff, double alpha) {
        if (x instanceof Storage.F32 fx && y instanceof Storage.F32 fy && g instanceof Storage.F32 fg
                && dx instanceof Storage.F32 fd) {
            if (oneChunk(n, PARALLEL_ELEMENTS)) {
                SimdElementwise.unaryBackward(op, n, fx.a, xOff, fy.a, yOff, fg.a, gOff, fd.a, dxOff, (float) alpha);
            } else {
                inChunks(n, PARALLEL_ELEMENTS, (off, len) -> SimdElementwise.unaryBackward(op, len, fx.a, xOff + off,
                        fy.a, yOff + off, fg.a, gOff + off, fd.a, dxOff + off, (float) alpha));
            }
        } else {
            super.unaryBackward(op, n, x, xOff, y, yOff, g, gOff, dx, dxOff, alpha);
        }
    }

    @Override
    public void lstmStepForward(int n, Storage pre, int preOff, Storage cPrev, int cPrevOff, Storage act, int actOff,
                                Storage c, int cOff, Storage tanhC, int tanhCOff, Storage h, int hOff) {
        if (pre instanceof Storage.F32 fp && cPrev instanceof Storage.F32 fcp && act instanceof Storage.F32 fa
                && c instanceof Storage.F32 fc && tanhC instanceof Storage.F32 ft && h instanceof Storage.F32 fh) {
            SimdLstm.forward(n, fp.a, preOff, fcp.a, cPrevOff, fa.a, actOff, fc.a, cOff, ft.a, tanhCOff, fh.a, hOff);
        } else {
            super.lstmStepForward(n, pre, preOff, cPrev, cPrevOff, act, actOff, c, cOff, tanhC, tanhCOff, h, hOff);
        }
    }

    @Override
    public void lstmStepBackward(int n, Storage act, int actOff, Storage cPrev, int cPrevOff, Storage tanhC,
                                 int tanhCOff, Storage dh, int dhOff, Storage dc, int dcOff, Storage dpre, int dpreOff) {
        if (act instanceof Storage.F32 fa && cPrev instanceof Storage.F32 fcp && tanhC instanceof Storage.F32 ft
                && dh instanceof Storage.F32 fdh && dc instanceof Storage.F32 fdc && dpre instanceof Storage.F32 fd) {
            SimdLstm.backward(n, fa.a, actOff, fcp.a, cPrevOff, ft.a, tanhCOff, fdh.a, dhOff, fdc.a, dcOff, fd.a, dpreOff);
        } else {
            super.lstmStepBackward(n, act, actOff, cPrev, cPrevOff, tanhC, tanhCOff, dh, dhOff, dc, dcOff, dpre, dpreOff);
        }
    }

    /*
     * The RNN's and the GRU's steps: fused where a row's several elementwise calls become one pass
     * (SimdRnn, SimdGru); the GRU's gate forward and attention pooling stay the composition, whose
     * GEMMs, σ and softmax are this backend's own.
     */

    @Override
    public void rnnStepBackward(UnaryOp sigma, double alpha, int n, Storage pre, int preOff, Storage h, int hOff,
                                Storage up, int upOff, int upStep, Storage dh, int dhOff, Storage dpre, int dpreOff) {
        if (SimdRnn.fuses(sigma) && (upStep & ~1) == 0 && pre instanceof Storage.F32 fp && h instanceof Storage.F32 fh
                && up instanceof Storage.F32 fu && dh instanceof Storage.F32 fdh && dpre instanceof Storage.F32 fd) {
            SimdRnn.backward(sigma, (float) alpha, n, fp.a, preOff, fh.a, hOff, fu.a, upOff, upStep, fdh.a, dhOff,
                    fd.a, dpreOff);
        } else {
            super.rnnStepBackward(sigma, alpha, n, pre, preOff, h, hOff, up, upOff, upStep, dh, dhOff, dpre, dpreOff);
        }
    }

    @Override
    public void attentionPoolBackward(int batch, int steps, int d, Storage x, Storage h, Storage alpha, Storage gAlpha,
                                      Storage gc, Storage de, Storage dx, Storage dh) {
        if (x instanceof Storage.F32 fx && h instanceof Storage.F32 fh && alpha instanceof Storage.F32 fa
                && (gAlpha == null || gAlpha instanceof Storage.F32) && gc instanceof Storage.F32 fg
                && de instanceof Storage.F32 fde && dx instanceof Storage.F32 fdx && dh instanceof Storage.F32 fdh) {
            SimdAttention.backward(batch, steps, d, fx.a, fh.a, fa.a, gAlpha == null ? null : ((Storage.F32) gAlpha).a,
                    fg.a, fde.a, fdx.a, fdh.a);
        } else {
            super.attentionPoolBackward(batch, steps, d, x, h, alpha, gAlpha, gc, de, dx, dh);
        }
    }

    @Override
    public void attentionSoftmax(int batch, int heads, int queries, int keys, double scale, boolean causal,
                                 Storage keep, Storage s, int sOff, Storage alpha) {
        if (s instanceof Storage.F32 fs && alpha instanceof Storage.F32 fa
                && (keep == null || keep instanceof Storage.F32)) {
            SimdAttentionSoftmax.forward(batch, heads, queries, keys, (float) scale, causal,
                    keep == null ? null : ((Storage.F32) keep).a, fs.a, sOff, fa.a);
        } else {
            super.attentionSoftmax(batch, heads, queries, keys, scale, causal, keep, s, sOff, alpha);
        }
    }

    @Override
    public void attentionSoftmaxBackward(int rows, int queries, int keys, double scale, boolean causal, Storage alpha,
                                         Storage g, int gOff, Storage ds) {
        if (alpha instanceof Storage.F32 fa && g instanceof Storage.F32 fg && ds instanceof Storage.F32 fd) {
            SimdAttentionSoftmax.backward(rows, queries, keys, (float) scale, causal, fa.a, fg.a, gOff, fd.a);
        } else {
            super.attentionSoftmaxBackward(rows, queries, keys, scale, causal, alpha, g, gOff, ds);
        }
    }

    @Override
    public void layerNormForward(int rows, int d, double eps, Storage x, int xOff, Storage gamma, Storage beta,
                                 Storage y, Storage mean, Storage rstd) {
        if (x instanceof Storage.F32 fx && gamma instanceof Storage.F32 fg && beta instanceof Storage.F32 fb
                && y instanceof Storage.F32 fy && mean instanceof Storage.F32 fm && rstd instanceof Storage.F32 fr) {
            SimdLayerNorm.forward(rows, d, (float) eps, fx.a, xOff, fg.a, fb.a, fy.a, fm.a, fr.a);
        } else {
            super.layerNormForward(rows, d, eps, x, xOff, gamma, beta, y, mean, rstd);
        }
    }

    @Override
    public void layerNormBackward(int rows, int d, Storage x, int xOff, Storage gamma, Storage mean, Storage rstd,
                                  Storage dy, Storage dx, Storage dGamma, Storage dBeta) {
        if (x instanceof Storage.F32 fx && gamma instanceof Storage.F32 fg && mean instanceof Storage.F32 fm
                && rstd instanceof Storage.F32 fr && dy instanceof Storage.F32 fdy && dx instanceof Storage.F32 fdx
                && dGamma instanceof Storage.F32 fdg && dBeta instanceof Storage.F32 fdb) {
            SimdLayerNorm.backward(rows, d, fx.a, xOff, fg.a, fm.a, fr.a, fdy.a, fdx.a, fdg.a, fdb.a);
        } else {
            super.layerNormBackward(rows, d, x, xOff, gamma, mean, rstd, dy, dx, dGamma, dBeta);
        }
    }

    @Override
    public void gruStateForward(int n, Storage pre, int preOff, Storage hPrev, int hPrevOff, Storage act, int actOff,
                                Storage h, int hOff) {
        if (pre instanceof Storage.F32 fp && hPrev instanceof Storage.F32 fhp && act instanceof Storage.F32 fa
                && h instanceof Storage.F32 fh) {
            SimdGru.stateForward(n, fp.a, preOff, fhp.a, hPrevOff, fa.a, actOff, fh.a, hOff);
        } else {
            super.gruStateForward(n, pre, preOff, hPrev, hPrevOff, act, actOff, h, hOff);
        }
    }

    @Override
    public void gruStateBackward(int n, Storage act, int actOff, Storage up, int upOff, int upStep, Storage dh,
                                 int dhOff, Storage dpre, int dpreOff) {
        if ((upStep & ~1) == 0 && act instanceof Storage.F32 fa && up instanceof Storage.F32 fu
                && dh instanceof Storage.F32 fdh && dpre instanceof Storage.F32 fd) {
            SimdGru.stateBackward(n, fa.a, actOff, fu.a, upOff, upStep, fdh.a, dhOff, fd.a, dpreOff);
        } else {
            super.gruStateBackward(n, act, actOff, up, upOff, upStep, dh, dhOff, dpre, dpreOff);
        }
    }

    @Override
    public void gruGatesBackward(int n, Storage act, int actOff, Storage hPrev, int hPrevOff, Storage dh, int dhOff,
                                 Storage dResetH, int dResetHOff, Storage dhPrev, int dhPrevOff, Storage dpre,
                                 int dpreOff) {
        if (act instanceof Storage.F32 fa && hPrev instanceof Storage.F32 fhp && dh instanceof Storage.F32 fdh
                && dResetH instanceof Storage.F32 fr && dhPrev instanceof Storage.F32 fdp
                && dpre instanceof Storage.F32 fd) {
            SimdGru.gatesBackward(n, fa.a, actOff, fhp.a, hPrevOff, fdh.a, dhOff, fr.a, dResetHOff, fdp.a, dhPrevOff,
                    fd.a, dpreOff);
        } else {
            super.gruGatesBackward(n, act, actOff, hPrev, hPrevOff, dh, dhOff, dResetH, dResetHOff, dhPrev, dhPrevOff,
                    dpre, dpreOff);
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
            inChunks(ids.length, Math.max(1, PARALLEL_ELEMENTS / rowLen), (off, len) ->
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
            inChunks(ids.length, Math.max(1, PARALLEL_ELEMENTS / rowLen), (off, len) ->
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
    public void im2col(ConvGeometry g, double padValue, Storage x, int xOff, Storage cols, int colsOff) {
        if (x instanceof Storage.F32 fx && cols instanceof Storage.F32 fc) {
            SimdConv.im2col(g, (float) padValue, fx.a, xOff, fc.a, colsOff);
        } else {
            super.im2col(g, padValue, x, xOff, cols, colsOff);
        }
    }

    @Override
    public void convForward(ConvGeometry g, int filters, boolean relu, Storage x, int xOff, Storage w, int wOff,
                            Storage b, int bOff, Storage z, int zOff) {
        if (x instanceof Storage.F32 fx && w instanceof Storage.F32 fw && b instanceof Storage.F32 fb
                && z instanceof Storage.F32 fz) {
            SimdConvolution.forward(g, filters, relu, fx.a, xOff, fw.a, wOff, fb.a, bOff, fz.a, zOff);
        } else {
            super.convForward(g, filters, relu, x, xOff, w, wOff, b, bOff, z, zOff);
        }
    }

    @Override
    public void convBackward(ConvGeometry g, int filters, boolean relu, Storage x, int xOff, Storage w, int wOff,
                             Storage z, int zOff, Storage dz, int dzOff, Storage dx, int dxOff, Storage dW, Storage db) {
        if (x instanceof Storage.F32 fx && w instanceof Storage.F32 fw && z instanceof Storage.F32 fz
                && dz instanceof Storage.F32 fdz) {
            SimdConvolution.backward(g, filters, relu, fx.a, xOff, fw.a, wOff, fz.a, zOff, fdz.a, dzOff, floats(dx),
                    dxOff, floats(dW), floats(db));
        } else {
            super.convBackward(g, filters, relu, x, xOff, w, wOff, z, zOff, dz, dzOff, dx, dxOff, dW, db);
        }
    }

    @Override
    public void convRowsForward(ConvGeometry g, int filters, boolean relu, Storage x, int xOff, Storage w, int wOff,
                                Storage b, int bOff, Storage z, int zOff) {
        if (SimdConvRows.applies(g) && x instanceof Storage.F32 fx && w instanceof Storage.F32 fw
                && b instanceof Storage.F32 fb && z instanceof Storage.F32 fz) {
            SimdConvRows.forward(g, filters, relu, fx.a, xOff, fw.a, wOff, fb.a, bOff, fz.a, zOff);
        } else {
            super.convRowsForward(g, filters, relu, x, xOff, w, wOff, b, bOff, z, zOff);
        }
    }

    @Override
    public void convRowsBackward(ConvGeometry g, int filters, boolean relu, Storage x, int xOff, Storage w, int wOff,
                                 Storage z, int zOff, Storage dz, int dzOff, Storage dx, int dxOff, Storage dW,
                                 Storage db) {
        if (SimdConvRows.applies(g) && x instanceof Storage.F32 fx && w instanceof Storage.F32 fw
                && z instanceof Storage.F32 fz && dz instanceof Storage.F32 fdz) {
            SimdConvRows.backward(g, filters, relu, fx.a, xOff, fw.a, wOff, fz.a, zOff, fdz.a, dzOff, floats(dx),
                    dxOff, floats(dW), floats(db));
        } else {
            super.convRowsBackward(g, filters, relu, x, xOff, w, wOff, z, zOff, dz, dzOff, dx, dxOff, dW, db);
        }
    }

    /** The float array of an F32 storage, or null for none. */
    private static float[] floats(Storage s) {
        return s == null ? null : ((Storage.F32) s).a;
    }

    @Override
    public void col2im(ConvGeometry g, Storage cols, int colsOff, Storage dx, int dxOff) {
        if (cols instanceof Storage.F32 fc && dx instanceof Storage.F32 fd) {
            SimdConv.col2im(g, fc.a, colsOff, fd.a, dxOff);
        } else {
            super.col2im(g, cols, colsOff, dx, dxOff);
        }
    }

    @Override
    public void maxPool(ConvGeometry g, Storage x, int xOff, Storage y, int yOff) {
        if (x instanceof Storage.F32 fx && y instanceof Storage.F32 fy) {
            SimdPooling.maxPool(g, fx.a, xOff, fy.a, yOff);
        } else {
            super.maxPool(g, x, xOff, y, yOff);
        }
    }

    @Override
    public void maxPoolBackward(ConvGeometry g, Storage x, int xOff, Storage y, int yOff, Storage dy, int dyOff,
                                Storage dx, int dxOff) {
        if (x instanceof Storage.F32 fx && y instanceof Storage.F32 fy && dy instanceof Storage.F32 fg
                && dx instanceof Storage.F32 fd) {
            SimdPooling.maxPoolBackward(g, fx.a, xOff, fy.a, yOff, fg.a, dyOff, fd.a, dxOff);
        } else {
            super.maxPoolBackward(g, x, xOff, y, yOff, dy, dyOff, dx, dxOff);
        }
    }

    @Override
    public void convMaxPool(ConvGeometry g, int filters, ConvGeometry pool, Storage x, int xOff, Storage w, int wOff,
                            Storage b, int bOff, Storage y, Storage record) {
        if (SimdConvPool.serves(pool) && x instanceof Storage.F32 fx && w instanceof Storage.F32 fw
                && b instanceof Storage.F32 fb && y instanceof Storage.F32 fy && record instanceof Storage.F32 fr) {
            SimdConvPool.forward(g, filters, pool, fx.a, xOff, fw.a, wOff, fb.a, bOff, fy.a, fr.a);
        } else {
            super.convMaxPool(g, filters, pool, x, xOff, w, wOff, b, bOff, y, record);
        }
    }

    @Override
    public int convMaxPoolRecordSize(DType dtype, ConvGeometry g, int filters, ConvGeometry pool) {
        return SimdConvPool.serves(pool) && dtype == DType.F32 ? SimdConvPool.recordSize(pool)
                : super.convMaxPoolRecordSize(dtype, g, filters, pool);
    }

    @Override
    public void convMaxPoolBackward(ConvGeometry g, int filters, ConvGeometry pool, Storage x, int xOff, Storage w,
                                    int wOff, Storage y, Storage record, Storage dy, int dyOff, Storage dx, int dxOff,
                                    Storage dW, Storage db) {
        if (SimdConvPool.serves(pool) && x instanceof Storage.F32 fx && w instanceof Storage.F32 fw
                && record instanceof Storage.F32 fr && dy instanceof Storage.F32 fdy) {
            SimdConvPool.backward(g, filters, pool, fx.a, xOff, fw.a, wOff, fr.a, fdy.a, dyOff, floats(dx), dxOff,
                    floats(dW), floats(db));
        } else {
            super.convMaxPoolBackward(g, filters, pool, x, xOff, w, wOff, y, record, dy, dyOff, dx, dxOff, dW, db);
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

    /** A kernel over the element range [off, off + len). */
    private interface Chunk {
        void run(int off, int len);
    }

    /**
     * Whether an elementwise call of n elements runs whole on the calling thread. Most calls are
     * short (a recurrent layer makes hundreds of calls of one row per step), so they are made
     * straight, without the lambda of {@link #inChunks}: those lambdas came to about 2.5 MB per
     * LSTM training sequence.
     */
    private static boolean oneChunk(int n, int grain) {
        return SimdParallel.tasksFor(n, grain) == 1;
    }

    /** Runs an elementwise kernel over [0, n) in one chunk per thread, each of at least {@code grain} elements. */
    private static void inChunks(int n, int grain, Chunk kernel) {
        int tasks = SimdParallel.tasksFor(n, grain);
        int chunk = (n + tasks - 1) / tasks;
        SimdParallel.run(tasks, t -> {
            int off = Math.min(n, t * chunk);
            kernel.run(off, Math.min(n, off + chunk) - off);
        });
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
            inChunks(n, NOISE_GRAIN, (off, len) -> SimdDropout.mask(len, seed, offset + off, p, f.a, outOff + off));
        } else {
            super.dropoutMask(n, seed, offset, p, out, outOff);
        }
    }

    @Override
    public void addGaussian(int n, long seed, long offset, double std, Storage out, int outOff) {
        if (out instanceof Storage.F32 f) {
            inChunks(n, NOISE_GRAIN, (off, len) -> SimdNoise.addGaussian(len, seed, offset + off, std, f.a, outOff + off));
        } else {
            super.addGaussian(n, seed, offset, std, out, outOff);
        }
    }

    @Override
    public void adam(int n, Storage w, int wOff, Storage m, Storage v, Storage g, int gOff, AdamStep step) {
        if (w instanceof Storage.F32 fw && m instanceof Storage.F32 fm && v instanceof Storage.F32 fv
                && g instanceof Storage.F32 fg) {
            if (oneChunk(n, ADAM_GRAIN)) {
                SimdOptim.adam(n, fw.a, wOff, fm.a, fv.a, fg.a, gOff, step);
            } else {
                inChunks(n, ADAM_GRAIN, (off, len) -> SimdOptim.adam(len, fw.a, wOff + off, fm.a, fv.a, fg.a,
                        gOff + off, step));
            }
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
            int rowGrain = Math.max(1, ADAM_GRAIN / Math.max(1, rowLen));    // rows per thread: as adam's grain
            if (oneChunk(rows, rowGrain)) {
                SimdOptim.adamRows(0, rows, rowLen, fw.a, wOff, fm.a, fv.a, ids, count, fg.a, gOff, step);
            } else {
                inChunks(rows, rowGrain, (from, chunk) -> SimdOptim.adamRows(from, from + chunk, rowLen, fw.a, wOff,
                        fm.a, fv.a, ids, count, fg.a, gOff, step));
            }
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
            if (oneChunk(n, PARALLEL_ELEMENTS)) {
                SimdOptim.sgd(n, fw.a, wOff, fb, fg.a, gOff, step);
            } else {
                inChunks(n, PARALLEL_ELEMENTS, (off, len) -> SimdOptim.sgd(len, fw.a, wOff + off, fb, fg.a, gOff + off,
                        step));
            }
        } else {
            super.sgd(n, w, wOff, b, g, gOff, step);
        }
    }

    @Override
    public void adagrad(int n, Storage w, int wOff, Storage s, Storage g, int gOff, double lr, double epsilon) {
        if (w instanceof Storage.F32 fw && s instanceof Storage.F32 fs && g instanceof Storage.F32 fg) {
            if (oneChunk(n, ADAM_GRAIN)) {
                SimdOptim.adagrad(n, fw.a, wOff, fs.a, fg.a, gOff, lr, epsilon);
            } else {
                inChunks(n, ADAM_GRAIN, (off, len) -> SimdOptim.adagrad(len, fw.a, wOff + off, fs.a, fg.a, gOff + off,
                        lr, epsilon));
            }
        } else {
            super.adagrad(n, w, wOff, s, g, gOff, lr, epsilon);
        }
    }

    @Override
    public void rmsprop(int n, Storage w, int wOff, Storage v, Storage g, int gOff, double lr, double rho,
                        double epsilon) {
        if (w instanceof Storage.F32 fw && v instanceof Storage.F32 fv && g instanceof Storage.F32 fg) {
            if (oneChunk(n, ADAM_GRAIN)) {
                SimdOptim.rmsprop(n, fw.a, wOff, fv.a, fg.a, gOff, lr, rho, epsilon);
            } else {
                inChunks(n, ADAM_GRAIN, (off, len) -> SimdOptim.rmsprop(len, fw.a, wOff + off, fv.a, fg.a, gOff + off,
                        lr, rho, epsilon));
            }
        } else {
            super.rmsprop(n, w, wOff, v, g, gOff, lr, rho, epsilon);
        }
    }

    @Override
    public void adadelta(int n, Storage w, int wOff, Storage s, Storage u, Storage g, int gOff, double lr, double rho,
                         double epsilon) {
        if (w instanceof Storage.F32 fw && s instanceof Storage.F32 fs && u instanceof Storage.F32 fu
                && g instanceof Storage.F32 fg) {
            if (oneChunk(n, ADAM_GRAIN)) {
                SimdOptim.adadelta(n, fw.a, wOff, fs.a, fu.a, fg.a, gOff, lr, rho, epsilon);
            } else {
                inChunks(n, ADAM_GRAIN, (off, len) -> SimdOptim.adadelta(len, fw.a, wOff + off, fs.a, fu.a, fg.a,
                        gOff + off, lr, rho, epsilon));
            }
        } else {
            super.adadelta(n, w, wOff, s, u, g, gOff, lr, rho, epsilon);
        }
    }

    @Override
    public void penaltyGradient(int n, Storage w, int wOff, Storage g, int gOff, Storage out, int outOff,
                                double l1, double l2) {
        if (w instanceof Storage.F32 fw && g instanceof Storage.F32 fg && out instanceof Storage.F32 fo) {
            if (oneChunk(n, PARALLEL_ELEMENTS)) {
                SimdOptim.penaltyGradient(n, fw.a, wOff, fg.a, gOff, fo.a, outOff, l1, l2);
            } else {
                inChunks(n, PARALLEL_ELEMENTS, (off, len) -> SimdOptim.penaltyGradient(len, fw.a, wOff + off, fg.a,
                        gOff + off, fo.a, outOff + off, l1, l2));
            }
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
        double factor = maxNorm / norm;
        if (oneChunk(n, PARALLEL_ELEMENTS)) {
            SimdOptim.scale(n, fx.a, xOff, factor);
        } else {
            inChunks(n, PARALLEL_ELEMENTS, (off, len) -> SimdOptim.scale(len, fx.a, xOff + off, factor));
        }
    }
}
