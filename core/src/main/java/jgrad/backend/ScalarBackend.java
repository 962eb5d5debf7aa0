package jgrad.backend;

/**
 * The reference backend: plain loops, one element at a time, accumulating in double.
 * It is the permanent yardstick every faster backend is tested against, so it favours being
 * obviously right over being fast.
 *
 * <p>This class is the dispatch table; the loops live in one class per kernel family ({@link ScalarGemm},
 * {@link ScalarElementwise}, {@link ScalarReductions}, {@link ScalarMemory}, {@link ScalarConv}, {@link ScalarPooling},
 * {@link ScalarAttention}, {@link ScalarLayerNorm}, {@link ScalarAdam}, {@link ScalarOptim}, {@link ScalarGradients},
 * {@link ScalarRandom}), each the twin of its SIMD counterpart.
 */
public class ScalarBackend implements Backend {

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     Storage a, int aOff, int lda, Storage b, int bOff, int ldb,
                     double beta, Storage c, int cOff, int ldc) {
        ScalarGemm.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    @Override
    public void binary(BinaryOp op, int n, Storage a, int aOff, int aStep, Storage b, int bOff, int bStep,
                       Storage out, int outOff) {
        ScalarElementwise.binary(op, n, a, aOff, aStep, b, bOff, bStep, out, outOff);
    }

    @Override
    public void unary(UnaryOp op, int n, Storage x, int xOff, Storage out, int outOff, double alpha) {
        ScalarElementwise.unary(op, n, x, xOff, out, outOff, alpha);
    }

    @Override
    public void unaryBackward(UnaryOp op, int n, Storage x, int xOff, Storage y, int yOff, Storage g, int gOff,
                              Storage dx, int dxOff, double alpha) {
        ScalarElementwise.unaryBackward(op, n, x, xOff, y, yOff, g, gOff, dx, dxOff, alpha);
    }

    @Override
    public void reduce(ReduceOp op, int outer, int len, int inner, Storage x, int xOff, Storage out, int outOff) {
        ScalarReductions.reduce(op, outer, len, inner, x, xOff, out, outOff);
    }

    @Override
    public void softmax(int rows, int cols, Storage x, int xOff, Storage y, int yOff, boolean log) {
        ScalarReductions.softmax(rows, cols, x, xOff, y, yOff, log);
    }

    @Override
    public void softmaxBackward(int rows, int cols, Storage y, int yOff, Storage g, int gOff, Storage dx, int dxOff,
                                boolean log) {
        ScalarReductions.softmaxBackward(rows, cols, y, yOff, g, gOff, dx, dxOff, log);
    }

    @Override
    public void attentionSoftmax(int batch, int heads, int queries, int steps, double scale, boolean causal,
                                 Storage keep, Storage s, int sOff, Storage alpha) {
        ScalarAttention.attentionSoftmax(batch, heads, queries, steps, scale, causal, keep, s, sOff, alpha);
    }

    @Override
    public void attentionSoftmaxBackward(int rows, int queries, int steps, double scale, boolean causal,
                                         Storage alpha, Storage g, int gOff, Storage ds) {
        ScalarAttention.attentionSoftmaxBackward(rows, queries, steps, scale, causal, alpha, g, gOff, ds);
    }

    @Override
    public void layerNormForward(int rows, int d, double eps, Storage x, int xOff, Storage gamma, Storage beta,
                                 Storage y, Storage mean, Storage rstd) {
        ScalarLayerNorm.layerNormForward(rows, d, eps, x, xOff, gamma, beta, y, mean, rstd);
    }

    @Override
    public void layerNormBackward(int rows, int d, Storage x, int xOff, Storage gamma, Storage mean, Storage rstd,
                                  Storage dy, Storage dx, Storage dGamma, Storage dBeta) {
        ScalarLayerNorm.layerNormBackward(rows, d, x, xOff, gamma, mean, rstd, dy, dx, dGamma, dBeta);
    }

    @Override
    public void gatherRows(int[] ids, int rowLen, Storage table, int tableOff, Storage out, int outOff) {
        ScalarMemory.gatherRows(ids, rowLen, table, tableOff, out, outOff);
    }

    @Override
    public void scatterAddRows(int[] ids, int count, int rowLen, Storage src, int srcOff, Storage table, int tableOff) {
        ScalarMemory.scatterAddRows(ids, count, rowLen, src, srcOff, table, tableOff);
    }

    @Override
    public void copy(int[] shape, Storage src, int srcOff, int[] srcStrides, Storage dst, int dstOff) {
        ScalarMemory.copy(shape, src, srcOff, srcStrides, dst, dstOff);
    }

    @Override
    public void where(int n, Storage cond, int cOff, Storage a, int aOff, Storage b, int bOff, Storage out, int outOff) {
        ScalarElementwise.where(n, cond, cOff, a, aOff, b, bOff, out, outOff);
    }

    @Override
    public void convert(int n, Storage src, int srcOff, Storage dst, int dstOff) {
        ScalarMemory.convert(n, src, srcOff, dst, dstOff);
    }

    @Override
    public void dropoutMask(int n, long seed, long offset, double p, Storage out, int outOff) {
        ScalarRandom.dropoutMask(n, seed, offset, p, out, outOff);
    }

    @Override
    public void rowSquaredNorms(int rows, int cols, Storage x, int xOff, Storage out, int outOff) {
        ScalarGradients.rowSquaredNorms(rows, cols, x, xOff, out, outOff);
    }

    @Override
    public void clipFactors(int rows, Storage sumSq, int sOff, double maxNorm, Storage out, int outOff) {
        ScalarGradients.clipFactors(rows, sumSq, sOff, maxNorm, out, outOff);
    }

    @Override
    public void addGaussian(int n, long seed, long offset, double std, Storage out, int outOff) {
        ScalarRandom.addGaussian(n, seed, offset, std, out, outOff);
    }

    @Override
    public Storage allocateForOverwrite(DType dtype, int length) {
        return Arena.hostStorageForOverwrite(dtype, length);
    }

    @Override
    public void im2col(ConvGeometry g, double padValue, Storage x, int xOff, Storage cols, int colsOff) {
        ScalarConv.im2col(g, padValue, x, xOff, cols, colsOff);
    }

    @Override
    public void col2im(ConvGeometry g, Storage cols, int colsOff, Storage dx, int dxOff) {
        ScalarConv.col2im(g, cols, colsOff, dx, dxOff);
    }

    @Override
    public void convForward(ConvGeometry g, int filters, boolean relu, Storage x, int xOff, Storage w, int wOff,
                            Storage b, int bOff, Storage z, int zOff) {
        ScalarConv.convForward(g, filters, relu, x, xOff, w, wOff, b, bOff, z, zOff);
    }

    @Override
    public void convBackward(ConvGeometry g, int filters, boolean relu, Storage x, int xOff, Storage w, int wOff,
                             Storage z, int zOff, Storage dz, int dzOff, Storage dx, int dxOff, Storage dW, Storage db) {
        ScalarConv.convBackward(g, filters, relu, x, xOff, w, wOff, z, zOff, dz, dzOff, dx, dxOff, dW, db);
    }

    @Override
    public void maxPool(ConvGeometry g, Storage x, int xOff, Storage y, int yOff) {
        ScalarPooling.maxPool(g, x, xOff, y, yOff);
    }

    @Override
    public void maxPoolBackward(ConvGeometry g, Storage x, int xOff, Storage y, int yOff, Storage dy, int dyOff,
                                Storage dx, int dxOff) {
        ScalarPooling.maxPoolBackward(g, x, xOff, y, yOff, dy, dyOff, dx, dxOff);
    }

    @Override
    public void fill(int n, Storage dst, int dstOff, double value) {
        ScalarMemory.fill(n, dst, dstOff, value);
    }

    @Override
    public void adam(int n, Storage w, int wOff, Storage m, Storage v, Storage g, int gOff, AdamStep step) {
        ScalarAdam.adam(n, w, wOff, m, v, g, gOff, step);
    }

    /** Row by row: a looked-up row takes {@link #adam} with its gradient row, any other row the rule with g = 0. */
    @Override
    public void adamRows(int rows, int rowLen, Storage w, int wOff, Storage m, Storage v, int[] ids, int count,
                         Storage g, int gOff, AdamStep step, Storage dense) {
        ScalarAdam.adamRows(rows, rowLen, w, wOff, m, v, ids, count, g, gOff, step);
    }

    @Override
    public void sgd(int n, Storage w, int wOff, Storage b, Storage g, int gOff, SgdStep step) {
        ScalarOptim.sgd(n, w, wOff, b, g, gOff, step);
    }

    @Override
    public void adagrad(int n, Storage w, int wOff, Storage s, Storage g, int gOff, double lr, double epsilon) {
        ScalarOptim.adagrad(n, w, wOff, s, g, gOff, lr, epsilon);
    }

    @Override
    public void rmsprop(int n, Storage w, int wOff, Storage v, Storage g, int gOff, double lr, double rho,
                        double epsilon) {
        ScalarOptim.rmsprop(n, w, wOff, v, g, gOff, lr, rho, epsilon);
    }

    @Override
    public void adadelta(int n, Storage w, int wOff, Storage s, Storage u, Storage g, int gOff, double lr, double rho,
                         double epsilon) {
        ScalarOptim.adadelta(n, w, wOff, s, u, g, gOff, lr, rho, epsilon);
    }

    @Override
    public void penaltyGradient(int n, Storage w, int wOff, Storage g, int gOff, Storage out, int outOff,
                                double l1, double l2) {
        ScalarGradients.penaltyGradient(n, w, wOff, g, gOff, out, outOff, l1, l2);
    }

    @Override
    public void sumOfSquares(int n, Storage x, int xOff, Storage acc, int accOff) {
        ScalarGradients.sumOfSquares(n, x, xOff, acc, accOff);
    }

    @Override
    public void clipToNorm(int n, Storage x, int xOff, Storage sumSq, int sOff, double maxNorm) {
        ScalarGradients.clipToNorm(n, x, xOff, sumSq, sOff, maxNorm);
    }

    /** The accumulators of the norm kernels are double whatever the data's dtype. */
    protected static void checkF64(String op, Storage s) {
        if (s.dtype() != DType.F64) {
            throw new IllegalArgumentException(op + ": the sum of squares is an F64 storage, got " + s.dtype());
        }
    }
}

