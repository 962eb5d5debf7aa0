package jgrad.backend;

import jgrad.random.Philox;
import jgrad.random.ZigguratNormal;


/**
 * The reference backend: plain loops, one element at a time, accumulating in double.
 * It is the permanent yardstick every faster backend is tested against, so it favours being
 * obviously right over being fast.
 */
public class ScalarBackend implements Backend {

    @Override
    public String name() {
        return "scalar";
    }

    /**
     * c_ij = Σ_p op(A)_ip · op(B)_pj + β c_ij, summed in double. Row i of C is built as
     * Σ_p a_ip · (row p of op(B)), which walks B along its rows.
     */
    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     Storage a, int aOff, int lda, Storage b, int bOff, int ldb,
                     double beta, Storage c, int cOff, int ldc) {
        double[] row = rowBuffer(n);
        for (int i = 0; i < m; i++) {
            java.util.Arrays.fill(row, 0, n, 0);
            for (int p = 0; p < k; p++) {
                double aip = a.get(aOff + (transA ? p * lda + i : i * lda + p));
                addScaledRow(row, n, aip, b, transB, bOff, ldb, p);
            }
            for (int j = 0; j < n; j++) {
                int ci = cOff + i * ldc + j;
                c.set(ci, beta == 0 ? row[j] : row[j] + beta * c.get(ci));
            }
        }
    }

    /** The row accumulator of {@link #gemm}, kept per thread so that a training step does not allocate one per product. */
    private static final ThreadLocal<double[][]> GEMM_ROW = ThreadLocal.withInitial(() -> new double[][] {new double[0]});

    private static double[] rowBuffer(int n) {
        double[][] holder = GEMM_ROW.get();
        if (holder[0].length < n) {
            holder[0] = new double[n];
        }
        return holder[0];
    }

    /** row[j] += s · op(B)_pj for j in [0, n); reads a float array directly, the common case. */
    private static void addScaledRow(double[] row, int n, double s, Storage b, boolean transB, int bOff, int ldb, int p) {
        int start = bOff + (transB ? p : p * ldb);
        int step = transB ? ldb : 1;
        if (b instanceof Storage.F32 f) {
            for (int j = 0; j < n; j++) {
                row[j] += s * f.a[start + j * step];
            }
        } else {
            for (int j = 0; j < n; j++) {
                row[j] += s * b.get(start + j * step);
            }
        }
    }

    @Override
    public void binary(BinaryOp op, int n, Storage a, int aOff, int aStep, Storage b, int bOff, int bStep,
                       Storage out, int outOff) {
        for (int i = 0; i < n; i++) {
            out.set(outOff + i, apply(op, a.get(aOff + i * aStep), b.get(bOff + i * bStep)));
        }
    }

    static double apply(BinaryOp op, double x, double y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case POW -> Math.pow(x, y);
            case MAX -> Math.max(x, y);
            case MIN -> Math.min(x, y);
            case EQ -> x == y ? 1 : 0;
            case GT -> x > y ? 1 : 0;
            case GE -> x >= y ? 1 : 0;
        };
    }

    @Override
    public void unary(UnaryOp op, int n, Storage x, int xOff, Storage out, int outOff, double alpha) {
        for (int i = 0; i < n; i++) {
            out.set(outOff + i, apply(op, x.get(xOff + i), alpha));
        }
    }

    static double apply(UnaryOp op, double x, double alpha) {
        return switch (op) {
            case NEG -> -x;
            case EXP -> Math.exp(x);
            case LOG -> Math.log(x);
            case SQRT -> Math.sqrt(x);
            case ABS -> Math.abs(x);
            case TANH -> Math.tanh(x);
            case SIGMOID -> sigmoid(x);
            case RELU -> x > 0 ? x : 0;
            case LEAKY_RELU -> x > 0 ? x : alpha * x;
            case POW -> Math.pow(x, alpha);
            case SCALE -> alpha * x;
            case SHIFT -> x + alpha;
        };
    }

    /** σ(x) = 1/(1+e⁻ˣ), written so that e^|x| never overflows. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    @Override
    public void unaryBackward(UnaryOp op, int n, Storage x, int xOff, Storage y, int yOff, Storage g, int gOff,
                              Storage dx, int dxOff, double alpha) {
        for (int i = 0; i < n; i++) {
            double d = derivative(op, x.get(xOff + i), y.get(yOff + i), alpha);
            dx.set(dxOff + i, g.get(gOff + i) * d);
        }
    }

    /** f'(x), given x and y = f(x). */
    static double derivative(UnaryOp op, double x, double y, double alpha) {
        return switch (op) {
            case NEG -> -1;
            case EXP -> y;
            case LOG -> 1 / x;
            case SQRT -> 0.5 / y;
            case ABS -> Math.signum(x);
            case TANH -> 1 - y * y;
            case SIGMOID -> y * (1 - y);
            case RELU -> x > 0 ? 1 : 0;
            case LEAKY_RELU -> x > 0 ? 1 : alpha;
            case POW -> alpha * Math.pow(x, alpha - 1);
            case SCALE -> alpha;
            case SHIFT -> 1;
        };
    }

    @Override
    public void reduce(ReduceOp op, int outer, int len, int inner, Storage x, int xOff, Storage out, int outOff) {
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                double acc = op == ReduceOp.SUM ? 0 : Double.NEGATIVE_INFINITY;
                for (int j = 0; j < len; j++) {
                    double v = x.get(xOff + (o * len + j) * inner + i);
                    acc = op == ReduceOp.SUM ? acc + v : Math.max(acc, v);
                }
                out.set(outOff + o * inner + i, acc);
            }
        }
    }

    @Override
    public void softmax(int rows, int cols, Storage x, int xOff, Storage y, int yOff, boolean log) {
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, x.get(xOff + base + j));
            }
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                sum += Math.exp(x.get(xOff + base + j) - max);
            }
            double logSum = Math.log(sum);
            for (int j = 0; j < cols; j++) {
                double shifted = x.get(xOff + base + j) - max;
                y.set(yOff + base + j, log ? shifted - logSum : Math.exp(shifted) / sum);
            }
        }
    }

    @Override
    public void softmaxBackward(int rows, int cols, Storage y, int yOff, Storage g, int gOff, Storage dx, int dxOff,
                                boolean log) {
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            double dot = 0;
            for (int j = 0; j < cols; j++) {
                double gj = g.get(gOff + base + j);
                dot += log ? gj : gj * y.get(yOff + base + j);
            }
            for (int j = 0; j < cols; j++) {
                double yj = y.get(yOff + base + j);
                double gj = g.get(gOff + base + j);
                dx.set(dxOff + base + j, log ? gj - Math.exp(yj) * dot : yj * (gj - dot));
            }
        }
    }

    @Override
    public void attentionSoftmax(int batch, int heads, int queries, int steps, double scale, boolean causal,
                                 Storage keep, Storage s, int sOff, Storage alpha) {
        for (int r = 0; r < batch * heads * queries; r++) {
            int b = r / (heads * queries);
            int t = r % queries + steps - queries;
            int base = r * steps;
            boolean anyKept = false;
            for (int u = 0; u < steps; u++) {
                anyKept |= sees(keep, b, steps, causal, t, u);
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int u = 0; u < steps; u++) {
                if (anyKept ? sees(keep, b, steps, causal, t, u) : u == t) {
                    max = Math.max(max, scale * s.get(sOff + base + u));
                }
            }
            double sum = 0;
            for (int u = 0; u < steps; u++) {
                if (anyKept ? sees(keep, b, steps, causal, t, u) : u == t) {
                    sum += Math.exp(scale * s.get(sOff + base + u) - max);
                }
            }
            for (int u = 0; u < steps; u++) {
                boolean kept = anyKept ? sees(keep, b, steps, causal, t, u) : u == t;
                alpha.set(base + u, kept ? Math.exp(scale * s.get(sOff + base + u) - max) / sum : 0);
            }
        }
    }

    /** Whether query t of batch row b may see key u. */
    private static boolean sees(Storage keep, int b, int steps, boolean causal, int t, int u) {
        return (!causal || u <= t) && (keep == null || keep.get(b * steps + u) != 0);
    }

    @Override
    public void attentionSoftmaxBackward(int rows, int queries, int steps, double scale, boolean causal,
                                         Storage alpha, Storage g, int gOff, Storage ds) {
        for (int r = 0; r < rows; r++) {
            int base = r * steps;
            double dot = 0;
            for (int u = 0; u < steps; u++) {
                dot += alpha.get(base + u) * g.get(gOff + base + u);
            }
            for (int u = 0; u < steps; u++) {
                ds.set(base + u, scale * alpha.get(base + u) * (g.get(gOff + base + u) - dot));
            }
        }
    }

    @Override
    public void layerNormForward(int rows, int d, double eps, Storage x, int xOff, Storage gamma, Storage beta,
                                 Storage y, Storage mean, Storage rstd) {
        for (int r = 0; r < rows; r++) {
            int base = xOff + r * d;
            double mu = 0;
            for (int k = 0; k < d; k++) {
                mu += x.get(base + k);
            }
            mu /= d;
            double variance = 0;
            for (int k = 0; k < d; k++) {
                double c = x.get(base + k) - mu;
                variance += c * c;
            }
            double inverse = 1 / Math.sqrt(variance / d + eps);
            for (int k = 0; k < d; k++) {
                y.set(r * d + k, gamma.get(k) * (x.get(base + k) - mu) * inverse + beta.get(k));
            }
            mean.set(r, mu);
            rstd.set(r, inverse);
        }
    }

    @Override
    public void layerNormBackward(int rows, int d, Storage x, int xOff, Storage gamma, Storage mean, Storage rstd,
                                  Storage dy, Storage dx, Storage dGamma, Storage dBeta) {
        double[] sumGamma = new double[d];
        double[] sumBeta = new double[d];
        for (int r = 0; r < rows; r++) {
            double mu = mean.get(r);
            double inverse = rstd.get(r);
            double meanG = 0;
            double meanGx = 0;
            for (int k = 0; k < d; k++) {
                double xHat = (x.get(xOff + r * d + k) - mu) * inverse;
                double g = dy.get(r * d + k) * gamma.get(k);
                meanG += g;
                meanGx += g * xHat;
                sumGamma[k] += dy.get(r * d + k) * xHat;
                sumBeta[k] += dy.get(r * d + k);
            }
            meanG /= d;
            meanGx /= d;
            for (int k = 0; k < d; k++) {
                double xHat = (x.get(xOff + r * d + k) - mu) * inverse;
                double g = dy.get(r * d + k) * gamma.get(k);
                dx.set(r * d + k, inverse * (g - meanG - xHat * meanGx));
            }
        }
        for (int k = 0; k < d; k++) {
            dGamma.set(k, sumGamma[k]);
            dBeta.set(k, sumBeta[k]);
        }
    }

    @Override
    public void gatherRows(int[] ids, int rowLen, Storage table, int tableOff, Storage out, int outOff) {
        for (int r = 0; r < ids.length; r++) {
            for (int j = 0; j < rowLen; j++) {
                out.set(outOff + r * rowLen + j, table.get(tableOff + ids[r] * rowLen + j));
            }
        }
    }

    @Override
    public void scatterAddRows(int[] ids, int count, int rowLen, Storage src, int srcOff, Storage table, int tableOff) {
        for (int r = 0; r < count; r++) {
            for (int j = 0; j < rowLen; j++) {
                int t = tableOff + ids[r] * rowLen + j;
                table.set(t, table.get(t) + src.get(srcOff + r * rowLen + j));
            }
        }
    }

    @Override
    public void copy(int[] shape, Storage src, int srcOff, int[] srcStrides, Storage dst, int dstOff) {
        int rank = shape.length;
        int total = 1;
        for (int d : shape) {
            total *= d;
        }
        if (rank == 1) {                                 // one run: no odometer to allocate
            for (int i = 0; i < total; i++) {
                dst.set(dstOff + i, src.get(srcOff + i * srcStrides[0]));
            }
            return;
        }
        int[] index = new int[rank];
        int s = srcOff;
        for (int flat = 0; flat < total; flat++) {
            dst.set(dstOff + flat, src.get(s));
            for (int d = rank - 1; d >= 0; d--) {        // odometer: advance the last axis, carry leftwards
                index[d]++;
                s += srcStrides[d];
                if (index[d] < shape[d]) {
                    break;
                }
                s -= srcStrides[d] * shape[d];
                index[d] = 0;
            }
        }
    }

    @Override
    public void where(int n, Storage cond, int cOff, Storage a, int aOff, Storage b, int bOff, Storage out, int outOff) {
        for (int i = 0; i < n; i++) {
            out.set(outOff + i, cond.get(cOff + i) != 0 ? a.get(aOff + i) : b.get(bOff + i));
        }
    }

    @Override
    public void convert(int n, Storage src, int srcOff, Storage dst, int dstOff) {
        for (int i = 0; i < n; i++) {
            dst.set(dstOff + i, src.get(srcOff + i));
        }
    }

    @Override
    public void dropoutMask(int n, long seed, long offset, double p, Storage out, int outOff) {
        double keep = 1 / (1 - p);
        for (int i = 0; i < n; i++) {
            out.set(outOff + i, Philox.dropoutKeeps(seed, offset + i, p) ? keep : 0);
        }
    }

    @Override
    public void rowSquaredNorms(int rows, int cols, Storage x, int xOff, Storage out, int outOff) {
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int c = 0; c < cols; c++) {
                double v = x.get(xOff + r * cols + c);
                s += v * v;
            }
            out.set(outOff + r, s);
        }
    }

    @Override
    public void clipFactors(int rows, Storage sumSq, int sOff, double maxNorm, Storage out, int outOff) {
        for (int r = 0; r < rows; r++) {
            double norm = Math.sqrt(sumSq.get(sOff + r));
            out.set(outOff + r, norm > maxNorm ? maxNorm / norm : 1);
        }
    }

    @Override
    public void addGaussian(int n, long seed, long offset, double std, Storage out, int outOff) {
        for (int i = 0; i < n; i++) {
            out.set(outOff + i, out.get(outOff + i) + std * ZigguratNormal.gaussian(seed, offset + i));
        }
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
        for (int i = 0; i < n; i++) {
            dst.set(dstOff + i, value);
        }
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

    // The rules below are the loops the optimizers ran before they became kernels: double arithmetic
    // on the stored values, rounded by set() to the storage's dtype.

    @Override
    public void sgd(int n, Storage w, int wOff, Storage b, Storage g, int gOff, SgdStep step) {
        double lr = step.lr(), mu = step.momentum();
        for (int i = 0; i < n; i++) {
            int p = wOff + i;
            double d = g.get(gOff + i);
            if (step.hasMomentum()) {
                double bi = mu * b.get(p) + d;
                b.set(p, bi);
                d = step.nesterov() ? d + mu * bi : bi;
            }
            w.set(p, w.get(p) - lr * d);
        }
    }

    @Override
    public void adagrad(int n, Storage w, int wOff, Storage s, Storage g, int gOff, double lr, double epsilon) {
        for (int i = 0; i < n; i++) {
            int p = wOff + i;
            double gi = g.get(gOff + i);
            double si = s.get(p) + gi * gi;
            s.set(p, si);
            w.set(p, w.get(p) - lr * gi / (Math.sqrt(si) + epsilon));
        }
    }

    @Override
    public void rmsprop(int n, Storage w, int wOff, Storage v, Storage g, int gOff, double lr, double rho,
                        double epsilon) {
        for (int i = 0; i < n; i++) {
            int p = wOff + i;
            double gi = g.get(gOff + i);
            double vi = rho * v.get(p) + (1 - rho) * gi * gi;
            v.set(p, vi);
            w.set(p, w.get(p) - lr * gi / (Math.sqrt(vi) + epsilon));
        }
    }

    @Override
    public void adadelta(int n, Storage w, int wOff, Storage s, Storage u, Storage g, int gOff, double lr, double rho,
                         double epsilon) {
        for (int i = 0; i < n; i++) {
            int p = wOff + i;
            double gi = g.get(gOff + i);
            double si = rho * s.get(p) + (1 - rho) * gi * gi;
            s.set(p, si);
            double d = Math.sqrt(u.get(p) + epsilon) / Math.sqrt(si + epsilon) * gi;
            u.set(p, rho * u.get(p) + (1 - rho) * d * d);
            w.set(p, w.get(p) - lr * d);
        }
    }

    @Override
    public void penaltyGradient(int n, Storage w, int wOff, Storage g, int gOff, Storage out, int outOff,
                                double l1, double l2) {
        for (int i = 0; i < n; i++) {
            double wi = w.get(wOff + i);
            out.set(outOff + i, g.get(gOff + i) + (l1 * Math.signum(wi) + 2 * l2 * wi));
        }
    }

    @Override
    public void sumOfSquares(int n, Storage x, int xOff, Storage acc, int accOff) {
        checkF64("sumOfSquares", acc);
        double sum = acc.get(accOff);
        for (int i = 0; i < n; i++) {
            double v = x.get(xOff + i);
            sum += v * v;
        }
        acc.set(accOff, sum);
    }

    @Override
    public void clipToNorm(int n, Storage x, int xOff, Storage sumSq, int sOff, double maxNorm) {
        checkF64("clipToNorm", sumSq);
        double norm = Math.sqrt(sumSq.get(sOff));
        if (!(norm > maxNorm)) {
            return;
        }
        double factor = maxNorm / norm;
        for (int i = 0; i < n; i++) {
            x.set(xOff + i, x.get(xOff + i) * factor);
        }
    }

    /** The accumulators of the norm kernels are double whatever the data's dtype. */
    protected static void checkF64(String op, Storage s) {
        if (s.dtype() != DType.F64) {
            throw new IllegalArgumentException(op + ": the sum of squares is an F64 storage, got " + s.dtype());
        }
    }
}
