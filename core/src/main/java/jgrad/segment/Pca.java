package jgrad.segment;

/**
 * Principal component analysis: with the column means μ and the sample covariance
 * C = (1/(n−1)) Σ (x − μ)(x − μ)ᵀ = V Λ Vᵀ (eigen-decomposed by {@link SymmetricEigen}), the components are
 * the m leading eigenvectors v_1 … v_m (unit length, largest variance first) and a row's scores are
 * z_i = v_iᵀ (x − μ). Each component's sign is fixed so that its largest-magnitude entry is positive
 * (eigenvectors are defined up to sign; scikit-learn fixes it another way). The explained variance of
 * component i is λ_i, its ratio λ_i / trace(C).
 */
public final class Pca {

    private final double[] mean;
    private final double[][] components;
    private final double[] explainedVariance;
    private final double totalVariance;

    private Pca(double[] mean, double[][] components, double[] explainedVariance, double totalVariance) {
        this.mean = mean;
        this.components = components;
        this.explainedVariance = explainedVariance;
        this.totalVariance = totalVariance;
    }

    /** Fits {@code m} components (1 ≤ m ≤ columns) on at least 2 rows. */
    public static Pca fit(double[][] x, int m) {
        int d = Points.checkedWidth(x);
        if (x.length < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 rows, got " + x.length);
        }
        if (m < 1 || m > d) {
            throw new IllegalArgumentException("PCA components must be between 1 and the " + d + " columns, got " + m);
        }
        double[] mean = new double[d];
        for (double[] row : x) {
            for (int c = 0; c < d; c++) {
                mean[c] += row[c] / x.length;
            }
        }
        SymmetricEigen.Result eigen = SymmetricEigen.of(covariance(x, mean));
        double[][] components = new double[m][];
        double[] variance = new double[m];
        double total = 0;
        for (int i = 0; i < d; i++) {
            total += Math.max(0, eigen.values()[i]);
        }
        for (int i = 0; i < m; i++) {
            components[i] = signFixed(eigen.vectors()[i]);
            variance[i] = Math.max(0, eigen.values()[i]);     // rounding can leave −1e-17 for a null direction
        }
        return new Pca(mean, components, variance, total);
    }

    private static double[][] covariance(double[][] x, double[] mean) {
        int d = mean.length;
        double[][] c = new double[d][d];
        double[] centred = new double[d];
        for (double[] row : x) {
            for (int i = 0; i < d; i++) {
                centred[i] = row[i] - mean[i];
            }
            for (int i = 0; i < d; i++) {
                for (int j = i; j < d; j++) {
                    c[i][j] += centred[i] * centred[j];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                c[i][j] /= x.length - 1;
                c[j][i] = c[i][j];
            }
        }
        return c;
    }

    private static double[] signFixed(double[] v) {
        int largest = 0;
        for (int i = 1; i < v.length; i++) {
            if (Math.abs(v[i]) > Math.abs(v[largest])) {
                largest = i;
            }
        }
        double[] out = v.clone();
        if (out[largest] < 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] = -out[i];
            }
        }
        return out;
    }

    /** The scores of each row: {@code rows × m}. */
    public double[][] transform(double[][] x) {
        double[][] out = new double[x.length][components.length];
        for (int r = 0; r < x.length; r++) {
            if (x[r].length != mean.length) {
                throw new IllegalArgumentException("row " + (r + 1) + " has " + x[r].length + " values, PCA was fitted on "
                        + mean.length);
            }
            for (int i = 0; i < components.length; i++) {
                double s = 0;
                for (int c = 0; c < mean.length; c++) {
                    s += components[i][c] * (x[r][c] - mean[c]);
                }
                out[r][i] = s;
            }
        }
        return out;
    }

    /** The rows rebuilt from their m scores: μ + Σ_i z_i v_i. */
    public double[][] inverseTransform(double[][] scores) {
        double[][] out = new double[scores.length][];
        for (int r = 0; r < scores.length; r++) {
            out[r] = mean.clone();
            for (int i = 0; i < components.length; i++) {
                for (int c = 0; c < mean.length; c++) {
                    out[r][c] += scores[r][i] * components[i][c];
                }
            }
        }
        return out;
    }

    /** The mean squared error of rebuilding each value of {@code x} from its m scores. */
    public double reconstructionError(double[][] x) {
        double[][] rebuilt = inverseTransform(transform(x));
        double s = 0;
        for (int r = 0; r < x.length; r++) {
            s += Points.squaredDistance(x[r], rebuilt[r]);
        }
        return s / ((double) x.length * mean.length);
    }

    /** The components as rows (unit vectors), largest variance first. */
    public double[][] components() {
        double[][] out = new double[components.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = components[i].clone();
        }
        return out;
    }

    public double[] explainedVariance() {
        return explainedVariance.clone();
    }

    /** λ_i / trace(C) for each kept component. */
    public double[] explainedVarianceRatio() {
        double[] out = new double[explainedVariance.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = totalVariance == 0 ? 0 : explainedVariance[i] / totalVariance;
        }
        return out;
    }
}
