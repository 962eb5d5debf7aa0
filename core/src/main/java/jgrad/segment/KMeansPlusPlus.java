package jgrad.segment;

import java.util.random.RandomGenerator;

/**
 * k-means++ seeding (Arthur and Vassilvitskii, "k-means++: the advantages of careful seeding", SODA 2007):
 * the first center is a uniformly drawn row; each next one is drawn with probability D(x)² / Σ D², D(x)
 * being the distance from x to the nearest center chosen so far. As in the paper's greedy variant (§6,
 * also scikit-learn's), 2 + ⌊ln k⌋ candidates are drawn per step and the one that lowers Σ D² most is kept.
 */
final class KMeansPlusPlus {

    private KMeansPlusPlus() {
    }

    static double[][] seed(double[][] x, int k, RandomGenerator random) {
        int n = x.length;
        int trials = 2 + (int) Math.log(k);
        double[][] centers = new double[k][];
        centers[0] = x[random.nextInt(n)].clone();
        double[] nearest = new double[n];
        for (int r = 0; r < n; r++) {
            nearest[r] = Points.squaredDistance(x[r], centers[0]);
        }
        for (int c = 1; c < k; c++) {
            double[] best = null;
            double bestPotential = Double.POSITIVE_INFINITY;
            int bestRow = -1;
            for (int t = 0; t < trials; t++) {
                int row = draw(nearest, random);
                double[] candidate = withCandidate(x, nearest, x[row]);
                double potential = sum(candidate);
                if (potential < bestPotential) {
                    bestPotential = potential;
                    best = candidate;
                    bestRow = row;
                }
            }
            centers[c] = x[bestRow].clone();
            nearest = best;
        }
        return centers;
    }

    /** A row drawn with probability proportional to its weight (uniformly when all weights are 0). */
    private static int draw(double[] weights, RandomGenerator random) {
        double total = sum(weights);
        if (total <= 0) {
            return random.nextInt(weights.length);
        }
        double u = random.nextDouble() * total;
        double cumulative = 0;
        for (int r = 0; r < weights.length; r++) {
            cumulative += weights[r];
            if (u < cumulative) {
                return r;
            }
        }
        return weights.length - 1;                  // u within rounding of the total
    }

    private static double[] withCandidate(double[][] x, double[] nearest, double[] candidate) {
        double[] out = new double[x.length];
        for (int r = 0; r < x.length; r++) {
            out[r] = Math.min(nearest[r], Points.squaredDistance(x[r], candidate));
        }
        return out;
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
