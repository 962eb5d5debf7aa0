package jgrad.bandit;

/**
 * One arm's ridge regression of reward on context, kept in the form the linear bandits need:
 * A = λI + Σ x xᵀ (held as its inverse, updated by Sherman–Morrison: A⁻¹ ← A⁻¹ − A⁻¹x xᵀA⁻¹ / (1 + xᵀA⁻¹x)),
 * b = Σ r x, θ̂ = A⁻¹ b.
 */
final class RidgeArm {

    private final double[][] inverse;
    private final double[] b;

    RidgeArm(int dimension, double lambda) {
        if (dimension < 1 || !(lambda > 0)) {
            throw new IllegalArgumentException("a ridge arm needs dimension >= 1 and λ > 0, got " + dimension + ", " + lambda);
        }
        inverse = new double[dimension][dimension];
        for (int i = 0; i < dimension; i++) {
            inverse[i][i] = 1 / lambda;
        }
        b = new double[dimension];
    }

    int dimension() {
        return b.length;
    }

    /** θ̂ = A⁻¹ b. */
    double[] theta() {
        return times(inverse, b);
    }

    /** θ̂ᵀ x. */
    double mean(double[] x) {
        return dot(theta(), x);
    }

    /** xᵀ A⁻¹ x, the squared width of the confidence ellipsoid along x. */
    double variance(double[] x) {
        return dot(x, times(inverse, x));
    }

    void update(double[] x, double reward) {
        double[] ax = times(inverse, x);
        double denominator = 1 + dot(x, ax);
        for (int i = 0; i < ax.length; i++) {
            for (int j = 0; j < ax.length; j++) {
                inverse[i][j] -= ax[i] * ax[j] / denominator;
            }
            b[i] += reward * x[i];
        }
    }

    /** A copy of A⁻¹. */
    double[][] inverse() {
        double[][] copy = new double[inverse.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = inverse[i].clone();
        }
        return copy;
    }

    void checkContext(double[] x) {
        if (x.length != b.length) {
            throw new IllegalArgumentException("a context of " + x.length + " features for a model of " + b.length);
        }
    }

    static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    static double[] times(double[][] m, double[] x) {
        double[] y = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            y[i] = dot(m[i], x);
        }
        return y;
    }
}
