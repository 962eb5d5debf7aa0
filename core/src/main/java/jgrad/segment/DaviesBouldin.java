package jgrad.segment;

/**
 * The Davies–Bouldin index (Davies and Bouldin, IEEE TPAMI 1(2), 1979) of a partition, with Euclidean
 * distances and the segments' means as centroids c_i:
 * <pre>
 *   S_i = mean over the rows x of segment i of ‖x − c_i‖
 *   DB  = (1/k) Σ_i max_{j ≠ i} (S_i + S_j) / ‖c_i − c_j‖
 * </pre>
 * Lower is better (0 for points that coincide with their centroids). Segments without rows are ignored;
 * two segments with the same centroid make the index infinite.
 */
public final class DaviesBouldin {

    private DaviesBouldin() {
    }

    public static double index(double[][] x, int[] labels) {
        int k = Points.checkedLabels(x, labels);
        int[] sizes = Points.counts(labels, k);
        double[][] centroids = Points.centroids(x, labels, k);
        double[] spread = new double[k];
        for (int r = 0; r < x.length; r++) {
            spread[labels[r]] += Math.sqrt(Points.squaredDistance(x[r], centroids[labels[r]]));
        }
        int used = 0;
        for (int i = 0; i < k; i++) {
            if (sizes[i] > 0) {
                spread[i] /= sizes[i];
                used++;
            }
        }
        if (used < 2) {
            throw new IllegalArgumentException("the Davies–Bouldin index needs at least 2 segments, got " + used);
        }
        double sum = 0;
        for (int i = 0; i < k; i++) {
            if (sizes[i] == 0) {
                continue;
            }
            double worst = 0;
            for (int j = 0; j < k; j++) {
                if (j != i && sizes[j] > 0) {
                    double separation = Math.sqrt(Points.squaredDistance(centroids[i], centroids[j]));
                    worst = Math.max(worst, (spread[i] + spread[j]) / separation);
                }
            }
            sum += worst;
        }
        return sum / used;
    }
}
