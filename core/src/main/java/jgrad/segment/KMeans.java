package jgrad.segment;

import java.util.random.RandomGenerator;

/**
 * k-means by Lloyd's algorithm: from k-means++ seeds ({@link KMeansPlusPlus}), repeat
 * <pre>
 *   assign:  label(x) = argmin_j ‖x − μ_j‖²
 *   update:  μ_j = mean of the rows labelled j
 * </pre>
 * until no label changes (or {@code maxIterations}), minimizing the inertia Σ_x ‖x − μ_label(x)‖². A segment
 * left without rows is moved to the row farthest from its center. The fit runs {@code restarts} times from
 * seeds drawn one after the other from the caller's generator and keeps the lowest inertia.
 */
public final class KMeans {

    private final int k;
    private final int restarts;
    private final int maxIterations;

    private KMeans(int k, int restarts, int maxIterations) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        if (restarts < 1 || maxIterations < 1) {
            throw new IllegalArgumentException("restarts and iterations must be at least 1, got " + restarts + " and "
                    + maxIterations);
        }
        this.k = k;
        this.restarts = restarts;
        this.maxIterations = maxIterations;
    }

    /** k segments, 4 restarts, at most 300 iterations each. */
    public static KMeans of(int k) {
        return new KMeans(k, 4, 300);
    }

    /** The same settings for another number of segments. */
    public KMeans withK(int newK) {
        return new KMeans(newK, restarts, maxIterations);
    }

    public KMeans restarts(int newRestarts) {
        return new KMeans(k, newRestarts, maxIterations);
    }

    public KMeans maxIterations(int newMaxIterations) {
        return new KMeans(k, restarts, newMaxIterations);
    }

    /** The best of the restarts; {@code k} may not exceed the number of rows. */
    public Clustering fit(double[][] x, RandomGenerator random) {
        Points.checkedWidth(x);
        if (k > x.length) {
            throw new IllegalArgumentException("k = " + k + " segments for " + x.length + " rows: k may not exceed the rows");
        }
        Clustering best = null;
        for (int r = 0; r < restarts; r++) {
            Clustering c = lloyd(x, KMeansPlusPlus.seed(x, k, random));
            if (best == null || c.inertia() < best.inertia()) {
                best = c;
            }
        }
        return best;
    }

    /** Lloyd's iterations from the given centers (they are not modified). */
    public Clustering fitFrom(double[][] x, double[][] initialCenters) {
        Points.checkedWidth(x);
        if (initialCenters.length != k || initialCenters[0].length != x[0].length) {
            throw new IllegalArgumentException("expected " + k + " initial centers of " + x[0].length + " values");
        }
        double[][] centers = new double[k][];
        for (int j = 0; j < k; j++) {
            centers[j] = initialCenters[j].clone();
        }
        return lloyd(x, centers);
    }

    private Clustering lloyd(double[][] x, double[][] centers) {
        int[] labels = new int[x.length];
        java.util.Arrays.fill(labels, -1);
        int iteration = 0;
        boolean changed = true;
        while (changed && iteration < maxIterations) {
            iteration++;
            changed = assign(x, centers, labels);
            refillEmpty(x, centers, labels);
            double[][] means = Points.centroids(x, labels, k);
            System.arraycopy(means, 0, centers, 0, k);
        }
        // the last update moved the centers: label each row by the centers returned
        assign(x, centers, labels);
        return new Clustering(centers, labels, Points.inertia(x, labels, centers), iteration);
    }

    private static boolean assign(double[][] x, double[][] centers, int[] labels) {
        boolean changed = false;
        for (int r = 0; r < x.length; r++) {
            int j = Points.nearest(x[r], centers);
            if (j != labels[r]) {
                labels[r] = j;
                changed = true;
            }
        }
        return changed;
    }

    /** Gives every segment without rows the row farthest from its own center, so that no mean is undefined. */
    private void refillEmpty(double[][] x, double[][] centers, int[] labels) {
        int[] counts = Points.counts(labels, k);
        for (int j = 0; j < k; j++) {
            if (counts[j] > 0) {
                continue;
            }
            int farthest = -1;
            double farthestDistance = -1;
            for (int r = 0; r < x.length; r++) {
                double d = Points.squaredDistance(x[r], centers[labels[r]]);
                if (counts[labels[r]] > 1 && d > farthestDistance) {
                    farthestDistance = d;
                    farthest = r;
                }
            }
            counts[labels[farthest]]--;
            labels[farthest] = j;
            counts[j] = 1;
        }
    }
}
