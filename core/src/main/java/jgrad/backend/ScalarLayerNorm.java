package jgrad.backend;

/**
 * The reference loops of layer normalization and its backward ({@link NormalizationKernels}), in double.
 */
final class ScalarLayerNorm {

    private ScalarLayerNorm() {
    }

    /** The reference of {@link Backend#layerNormForward}. */
    static void layerNormForward(int rows, int d, double eps, Storage x, int xOff, Storage gamma, Storage beta,
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

    /** The reference of {@link Backend#layerNormBackward}. */
    static void layerNormBackward(int rows, int d, Storage x, int xOff, Storage gamma, Storage mean, Storage rstd,
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
}
