package jgrad.bandit;

import java.util.random.RandomGenerator;

/**
 * Linear Thompson sampling (Agrawal and Goyal, <i>Thompson sampling for contextual bandits with linear
 * payoffs</i>, ICML 2013), per arm: draw θ̃_a ~ N(θ̂_a, v² A_a⁻¹) with the ridge statistics of {@link LinUcb},
 * and play argmax_a θ̃_aᵀx. The draw is θ̂_a + v·L z with L the Cholesky factor of A_a⁻¹ and z ~ N(0, I).
 */
public final class LinearThompson implements BanditPolicy {

    private final RidgeArm[] arms;
    private final double v;
    private final RandomGenerator random;

    public LinearThompson(int arms, int dimension, double v, RandomGenerator random) {
        if (arms < 2 || !(v > 0)) {
            throw new IllegalArgumentException("linear Thompson sampling needs at least 2 arms and v > 0, got " + arms
                    + " arms, v = " + v);
        }
        this.arms = new RidgeArm[arms];
        for (int a = 0; a < arms; a++) {
            this.arms[a] = new RidgeArm(dimension, 1);
        }
        this.v = v;
        this.random = random;
    }

    @Override
    public int choose(double[] context) {
        arms[0].checkContext(context);
        double[] scores = new double[arms.length];
        for (int a = 0; a < arms.length; a++) {
            double[] theta = arms[a].theta();
            double[][] l = cholesky(arms[a].inverse());
            double[] z = new double[theta.length];
            for (int i = 0; i < z.length; i++) {
                z[i] = random.nextGaussian();
            }
            double[] lz = RidgeArm.times(l, z);
            for (int i = 0; i < theta.length; i++) {
                theta[i] += v * lz[i];
            }
            scores[a] = RidgeArm.dot(theta, context);
        }
        return ArmStats.argmax(scores);
    }

    @Override
    public void update(double[] context, int arm, double reward) {
        arms[0].checkContext(context);
        arms[arm].update(context, reward);
    }

    @Override
    public String name() {
        return "lin-thompson";
    }

    /** The lower-triangular L with L Lᵀ = m for a symmetric positive-definite m. */
    static double[][] cholesky(double[][] m) {
        int n = m.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = m[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                // rounding can leave a tiny negative pivot on a nearly singular A⁻¹: clamp it to 0
                l[i][j] = i == j ? Math.sqrt(Math.max(s, 0)) : (l[j][j] == 0 ? 0 : s / l[j][j]);
            }
        }
        return l;
    }
}
