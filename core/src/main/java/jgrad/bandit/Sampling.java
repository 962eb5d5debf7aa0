package jgrad.bandit;

import java.util.random.RandomGenerator;

/** Draws the policies need, from a caller's generator. */
final class Sampling {

    private Sampling() {
    }

    /** Beta(a, b) as X/(X+Y) with X ~ Gamma(a), Y ~ Gamma(b). */
    static double beta(double a, double b, RandomGenerator random) {
        double x = gamma(a, random);
        double y = gamma(b, random);
        return x / (x + y);
    }

    /**
     * Gamma(shape, 1) by Marsaglia and Tsang (2000): for shape ≥ 1, d = shape − 1/3, c = 1/√(9d); accept
     * v = (1 + c·z)³ when ln u &lt; z²/2 + d − d·v + d·ln v. Shapes below 1 use Gamma(shape+1)·u^(1/shape).
     */
    static double gamma(double shape, RandomGenerator random) {
        if (shape < 1) {
            return gamma(shape + 1, random) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = random.nextGaussian();
            double v = 1 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    /** ε/K on every arm plus 1 − ε on the first arm with the highest score (the tie rule of ArmStats.argmax). */
    static double[] epsilonGreedy(double[] scores, double epsilon) {
        double[] p = new double[scores.length];
        java.util.Arrays.fill(p, epsilon / scores.length);
        p[ArmStats.argmax(scores)] += 1 - epsilon;
        return p;
    }
}
