package jgrad.segment;

/**
 * A partition of rows into k segments: each segment's center, each row's segment, the inertia
 * (Σ over rows of the squared distance to the row's center) and the iterations the fit took.
 */
public record Clustering(double[][] centers, int[] labels, double inertia, int iterations) {

    public int k() {
        return centers.length;
    }

    /** The number of rows in each segment. */
    public int[] sizes() {
        return Points.counts(labels, centers.length);
    }

    /** The segment whose center is nearest to {@code point} (squared Euclidean distance). */
    public int assign(double[] point) {
        if (point.length != centers[0].length) {
            throw new IllegalArgumentException("a point of " + point.length + " values for centers of " + centers[0].length);
        }
        return Points.nearest(point, centers);
    }
}
