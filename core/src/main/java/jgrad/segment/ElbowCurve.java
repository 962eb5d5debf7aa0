package jgrad.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The elbow curve: k-means for each k of a range, with each fit's inertia, silhouette and Davies–Bouldin
 * index, so that k can be chosen where the inertia stops falling fast or the silhouette peaks. Each k is
 * fitted from a generator forked from the caller's seed by k, so one k's result does not depend on the range.
 */
public final class ElbowCurve {

    /** One k of the curve: its partition, the silhouette of a sample of its rows, its Davies–Bouldin index. */
    public record Point(int k, Clustering clustering, Silhouette.Sample silhouetteSample, double daviesBouldin) {

        public double silhouette() {
            return silhouetteSample.score();
        }
    }

    private ElbowCurve() {
    }

    /**
     * Fits k = {@code from} … {@code to} (2 ≤ from ≤ to ≤ rows − 1); the silhouette is scored on a sample of
     * at most {@code silhouetteSample} rows.
     */
    public static List<Point> of(double[][] x, int from, int to, KMeans kmeans, int silhouetteSample, long seed) {
        Points.checkedWidth(x);
        if (from < 2 || to < from || to > x.length - 1) {
            throw new IllegalArgumentException("the k range " + from + ".." + to + " must lie within 2.." + (x.length - 1)
                    + " (2 ≤ k ≤ rows − 1) and not be empty");
        }
        List<Point> points = new ArrayList<>();
        for (int k = from; k <= to; k++) {
            points.add(fitOne(x, k, kmeans, silhouetteSample, seed));
        }
        return points;
    }

    /** One point of the curve, as {@link #of} computes it for this k. */
    public static Point fitOne(double[][] x, int k, KMeans kmeans, int silhouetteSample, long seed) {
        RandomGenerator random = new jgrad.random.PhiloxRandom(seed, k);
        Clustering c = kmeans.withK(k).fit(x, random);
        Silhouette.Sample s = Silhouette.sampled(x, c.labels(), silhouetteSample, random);
        return new Point(k, c, s, DaviesBouldin.index(x, c.labels()));
    }

    /** The point with the highest silhouette (the smallest k on ties). */
    public static Point bestBySilhouette(List<Point> points) {
        Point best = points.get(0);
        for (Point p : points) {
            if (p.silhouette() > best.silhouette()) {
                best = p;
            }
        }
        return best;
    }
}
