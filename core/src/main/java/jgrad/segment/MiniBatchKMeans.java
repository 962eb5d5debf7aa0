package jgrad.segment;

import java.util.random.RandomGenerator;

/**
 * Mini-batch k-means (Sculley, "Web-scale k-means clustering", WWW 2010) for data too large for Lloyd's
 * full passes: from k-means++ seeds drawn on one batch, each step draws {@code batchSize} rows uniformly
 * (with replacement), assigns each to its nearest center, and moves that center towards it with a
 * per-center rate that decays with the rows it has seen:
 * <pre>
 *   v_j ← v_j + 1;   η = 1 / v_j;   μ_j ← (1 − η) μ_j + η x
 * </pre>
 * After {@code steps} steps every row is labelled by its nearest center and the inertia is computed on all rows.
 */
public final class MiniBatchKMeans {

    private final int k;
    private final int batchSize;
    private final int steps;

    public MiniBatchKMeans(int k, int batchSize, int steps) {
        if (k < 1 || batchSize < 1 || steps < 1) {
            throw new IllegalArgumentException("k, batch size and steps must be at least 1, got " + k + ", " + batchSize
                    + ", " + steps);
        }
        this.k = k;
        this.batchSize = batchSize;
        this.steps = steps;
    }

    public Clustering fit(double[][] x, RandomGenerator random) {
        Points.checkedWidth(x);
        if (k > x.length) {
            throw new IllegalArgumentException("k = " + k + " segments for " + x.length + " rows: k may not exceed the rows");
        }
        double[][] centers = KMeansPlusPlus.seed(sample(x, Math.max(k, Math.min(x.length, 3 * batchSize)), random), k, random);
        long[] seen = new long[k];
        for (int step = 0; step < steps; step++) {
            for (int b = 0; b < batchSize; b++) {
                double[] point = x[random.nextInt(x.length)];
                int j = Points.nearest(point, centers);
                seen[j]++;
                double eta = 1.0 / seen[j];
                for (int c = 0; c < point.length; c++) {
                    centers[j][c] = (1 - eta) * centers[j][c] + eta * point[c];
                }
            }
        }
        int[] labels = new int[x.length];
        for (int r = 0; r < x.length; r++) {
            labels[r] = Points.nearest(x[r], centers);
        }
        return new Clustering(centers, labels, Points.inertia(x, labels, centers), steps);
    }

    /** {@code m} distinct rows drawn uniformly (a partial Fisher–Yates shuffle of the row indices). */
    private static double[][] sample(double[][] x, int m, RandomGenerator random) {
        int[] order = new int[x.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        double[][] out = new double[m][];
        for (int i = 0; i < m; i++) {
            int j = i + random.nextInt(x.length - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
            out[i] = x[order[i]];
        }
        return out;
    }
}
