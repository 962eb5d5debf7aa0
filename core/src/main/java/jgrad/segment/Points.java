package jgrad.segment;

/** Checks and arithmetic on points (rows of a {@code double[][]}) shared by the clustering classes. */
final class Points {

    private Points() {
    }

    /** Refuses no rows, ragged rows and non-finite values, naming the first bad row and column (from 1). */
    static int checkedWidth(double[][] x) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("no rows to cluster");
        }
        int width = x[0].length;
        if (width == 0) {
            throw new IllegalArgumentException("rows have no columns");
        }
        for (int r = 0; r < x.length; r++) {
            if (x[r].length != width) {
                throw new IllegalArgumentException("row " + (r + 1) + " has " + x[r].length + " values, row 1 has " + width);
            }
            for (int c = 0; c < width; c++) {
                if (!Double.isFinite(x[r][c])) {
                    throw new IllegalArgumentException("row " + (r + 1) + ", column " + (c + 1) + " is " + x[r][c]
                            + ": points must be finite (impute missing values first)");
                }
            }
        }
        return width;
    }

    /** Refuses labels that do not give every row of {@code x} a segment in {@code 0 … k−1}; returns k. */
    static int checkedLabels(double[][] x, int[] labels) {
        checkedWidth(x);
        if (labels.length != x.length) {
            throw new IllegalArgumentException(labels.length + " labels for " + x.length + " rows");
        }
        int k = 0;
        for (int r = 0; r < labels.length; r++) {
            if (labels[r] < 0) {
                throw new IllegalArgumentException("row " + (r + 1) + " has the negative label " + labels[r]);
            }
            k = Math.max(k, labels[r] + 1);
        }
        return k;
    }

    static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }

    /** The index of the center nearest to {@code point} (the first on ties). */
    static int nearest(double[] point, double[][] centers) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centers.length; c++) {
            double d = squaredDistance(point, centers[c]);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    /** The mean of each segment's rows; a segment without rows gets NaN (callers avoid it). */
    static double[][] centroids(double[][] x, int[] labels, int k) {
        int width = x[0].length;
        double[][] sums = new double[k][width];
        int[] counts = new int[k];
        for (int r = 0; r < x.length; r++) {
            counts[labels[r]]++;
            for (int c = 0; c < width; c++) {
                sums[labels[r]][c] += x[r][c];
            }
        }
        for (int j = 0; j < k; j++) {
            for (int c = 0; c < width; c++) {
                sums[j][c] /= counts[j];
            }
        }
        return sums;
    }

    static int[] counts(int[] labels, int k) {
        int[] counts = new int[k];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** The sum of squared distances from each row to its segment's center. */
    static double inertia(double[][] x, int[] labels, double[][] centers) {
        double s = 0;
        for (int r = 0; r < x.length; r++) {
            s += squaredDistance(x[r], centers[labels[r]]);
        }
        return s;
    }
}
