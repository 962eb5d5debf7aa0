package jgrad.segment;

import java.util.random.RandomGenerator;

/**
 * The silhouette (Rousseeuw, J. Comput. Appl. Math. 20, 1987) of a partition, with Euclidean distances:
 * <pre>
 *   a(i) = mean distance from i to the other rows of its segment
 *   b(i) = min over the other segments S of the mean distance from i to the rows of S
 *   s(i) = (b(i) − a(i)) / max(a(i), b(i)),   and s(i) = 0 when i is alone in its segment
 * </pre>
 * The score is the mean of s(i), in [−1, 1]; higher means tighter, better separated segments. It takes
 * O(n²) distances, so large data is scored on a seeded sample of rows (as scikit-learn's {@code sample_size}).
 */
public final class Silhouette {

    private Silhouette() {
    }

    /** s(i) for every row; the labels must use at least 2 and at most n − 1 segments. */
    public static double[] samples(double[][] x, int[] labels) {
        int k = Points.checkedLabels(x, labels);
        int[] sizes = Points.counts(labels, k);
        int used = 0;
        for (int size : sizes) {
            used += size > 0 ? 1 : 0;
        }
        if (used < 2 || used > x.length - 1) {
            throw new IllegalArgumentException("the silhouette needs between 2 and n − 1 = " + (x.length - 1)
                    + " segments, got " + used);
        }
        double[] s = new double[x.length];
        double[] sums = new double[k];
        for (int i = 0; i < x.length; i++) {
            java.util.Arrays.fill(sums, 0);
            for (int j = 0; j < x.length; j++) {
                sums[labels[j]] += Math.sqrt(Points.squaredDistance(x[i], x[j]));
            }
            int own = labels[i];
            if (sizes[own] == 1) {
                continue;                              // s(i) = 0 by convention
            }
            double a = sums[own] / (sizes[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && sizes[c] > 0) {
                    b = Math.min(b, sums[c] / sizes[c]);
                }
            }
            double scale = Math.max(a, b);
            s[i] = scale == 0 ? 0 : (b - a) / scale;
        }
        return s;
    }

    /** The mean silhouette of all rows. */
    public static double score(double[][] x, int[] labels) {
        return mean(samples(x, labels));
    }

    /**
     * The silhouette of a uniform sample of {@code sampleSize} distinct rows, computed among those rows only
     * (all rows when there are no more than that); the sample comes from the caller's generator.
     */
    public static Sample sampled(double[][] x, int[] labels, int sampleSize, RandomGenerator random) {
        Points.checkedLabels(x, labels);
        if (sampleSize < 2) {
            throw new IllegalArgumentException("a silhouette sample needs at least 2 rows, got " + sampleSize);
        }
        int[] rows = sampleRows(x.length, sampleSize, random);
        double[][] xs = new double[rows.length][];
        int[] ls = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            xs[i] = x[rows[i]];
            ls[i] = labels[rows[i]];
        }
        return new Sample(rows, samples(xs, ls));
    }

    /** The rows a sampled silhouette used and s(i) of each. */
    public record Sample(int[] rows, double[] values) {

        public double score() {
            return mean(values);
        }
    }

    private static int[] sampleRows(int n, int m, RandomGenerator random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (m >= n) {
            return order;
        }
        for (int i = 0; i < m; i++) {
            int j = i + random.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] rows = java.util.Arrays.copyOf(order, m);
        java.util.Arrays.sort(rows);
        return rows;
    }

    private static double mean(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s / values.length;
    }
}
