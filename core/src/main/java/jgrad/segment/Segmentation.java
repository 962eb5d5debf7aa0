package jgrad.segment;

import java.util.List;

import jgrad.data.csv.Table;
import jgrad.data.prep.TabularFeatures;

/**
 * Customer segmentation end to end: a table's columns become features (numeric ones imputed with the
 * median and standardized, categorical ones one-hot, {@link TabularFeatures} fitted on the table itself:
 * segmentation learns from the customers it describes), the rows of a profile embedding (the features
 * themselves, or a learned code) are clustered by k-means, for one k or for the k of a range with the
 * highest silhouette, and each segment is profiled in the table's own units ({@link SegmentProfiles}).
 * A 2-D PCA map of the embedding is returned for plots. Every random choice derives from one seed.
 */
public final class Segmentation {

    /** Everything a run found: the curve over the k tried (one point for a fixed k), the chosen partition. */
    public record Result(List<ElbowCurve.Point> curve, ElbowCurve.Point chosen, List<SegmentProfile> profiles, double[][] map, double[] mapVarianceRatio) {

        public Clustering clustering() {
            return chosen.clustering();
        }
    }

    private final Table table;
    private final List<String> numeric;
    private final List<String> categorical;
    private final String outcome;

    /**
     * @param outcome the boolean column whose rate each segment reports (never a feature), or null
     */
    public Segmentation(Table table, List<String> numeric, List<String> categorical, String outcome) {
        if (table.rowCount() < 2) {
            throw new IllegalArgumentException(table.source() + ": " + table.rowCount()
                    + " rows; segmentation needs at least 2");
        }
        if (numeric.isEmpty() && categorical.isEmpty()) {
            throw new IllegalArgumentException("no feature columns to segment on");
        }
        if (outcome != null && (numeric.contains(outcome) || categorical.contains(outcome))) {
            throw new IllegalArgumentException("the outcome '" + outcome + "' may not also be a feature");
        }
        this.table = table;
        this.numeric = List.copyOf(numeric);
        this.categorical = List.copyOf(categorical);
        this.outcome = outcome;
    }

    /** The standardized, one-hot features of every row ({@code rows × width}), and their names. */
    public Features features() {
        TabularFeatures f = TabularFeatures.numeric(numeric.toArray(String[]::new))
                .categorical(categorical.toArray(String[]::new)).fit(table);
        float[] flat = f.transform(table);
        int width = f.width();
        double[][] x = new double[table.rowCount()][width];
        for (int r = 0; r < x.length; r++) {
            for (int c = 0; c < width; c++) {
                x[r][c] = flat[r * width + c];
            }
        }
        return new Features(x, f.featureNames(), f);
    }

    /** A feature matrix, one name per column, and the fitted transform that made it. */
    public record Features(double[][] rows, List<String> names, TabularFeatures fitted) {
    }

    /**
     * Clusters {@code embedding} (one row per table row) for every k in {@code from … to} and keeps the k with
     * the highest silhouette (scored on at most {@code silhouetteSample} rows); from = to fixes k.
     */
    public Result run(double[][] embedding, int from, int to, KMeans kmeans, int silhouetteSample, long seed, int top) {
        if (embedding.length != table.rowCount()) {
            throw new IllegalArgumentException("an embedding of " + embedding.length + " rows for " + table.rowCount()
                    + " table rows");
        }
        if (to > embedding.length - 1) {
            throw new IllegalArgumentException("k = " + to + " segments for " + embedding.length
                    + " rows: k may be at most rows − 1 = " + (embedding.length - 1));
        }
        List<ElbowCurve.Point> curve = ElbowCurve.of(embedding, from, to, kmeans, silhouetteSample, seed);
        ElbowCurve.Point chosen = ElbowCurve.bestBySilhouette(curve);
        List<SegmentProfile> profiles = SegmentProfiles.describe(table, numeric, categorical, outcome,
                chosen.clustering().labels(), chosen.silhouetteSample(), top);
        Pca pca = Pca.fit(embedding, Math.min(2, embedding[0].length));
        return new Result(curve, chosen, profiles, pca.transform(embedding), pca.explainedVarianceRatio());
    }
}
