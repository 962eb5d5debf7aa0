package jgrad.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import jgrad.random.PhiloxRandom;

/** Silhouette and Davies–Bouldin against scikit-learn 1.2.1 on the blob fixture, and by hand. */
class PartitionScoresTest {

    private static final double[][] BLOBS = SklearnFixture.points("blobs.csv");
    private static final Map<String, String> SKLEARN = SklearnFixture.expected("blobs.expected");

    @Test
    void silhouetteAndDaviesBouldinEqualScikitLearnsOnTwoPartitions() {
        for (String k : new String[] {"k3", "k4"}) {
            int[] labels = SklearnFixture.labels(SKLEARN.get(k + ".labels"));
            assertArrayEquals(SklearnFixture.numbers(SKLEARN.get(k + ".silhouette_samples")),
                    Silhouette.samples(BLOBS, labels), 1e-9, k);
            assertEquals(Double.parseDouble(SKLEARN.get(k + ".silhouette")), Silhouette.score(BLOBS, labels), 1e-9, k);
            assertEquals(Double.parseDouble(SKLEARN.get(k + ".davies_bouldin")), DaviesBouldin.index(BLOBS, labels), 1e-9, k);
        }
    }

    @Test
    void ourKMeansSegmentsScoreAsScikitLearnsToOneMillionth() {
        Clustering c = KMeans.of(3).restarts(10).fit(BLOBS, new PhiloxRandom(1));
        assertEquals(Double.parseDouble(SKLEARN.get("k3.silhouette")), Silhouette.score(BLOBS, c.labels()), 1e-6);
        assertEquals(Double.parseDouble(SKLEARN.get("k3.davies_bouldin")), DaviesBouldin.index(BLOBS, c.labels()), 1e-6);
    }

    @Test
    void handWorkedSilhouetteAndDaviesBouldin() {
        double[][] x = {{0}, {2}, {10}, {13}, {20}};
        int[] labels = {0, 0, 1, 1, 2};
        // row 0: a = 2, b = min(mean(10, 13), 20) = 11.5 → (11.5 − 2) / 11.5;  row 4 is alone: 0
        double[] s = Silhouette.samples(x, labels);
        assertEquals(9.5 / 11.5, s[0], 1e-12);
        // row 2: a = 3, b = min(mean(10, 8), 10) = 9 → 6 / 9
        assertEquals(6.0 / 9, s[2], 1e-12);
        assertEquals(0, s[4], 0);
        // S = (1, 1.5, 0), centroids 1, 11.5, 20: R_01 = 2.5/10.5, R_02 = 1/19, R_12 = 1.5/8.5
        double expected = (2.5 / 10.5 + 2.5 / 10.5 + 1.5 / 8.5) / 3;
        assertEquals(expected, DaviesBouldin.index(x, labels), 1e-12);
    }

    @Test
    void aSampleAsLargeAsTheDataIsTheWholeSilhouette() {
        int[] labels = SklearnFixture.labels(SKLEARN.get("k3.labels"));
        Silhouette.Sample all = Silhouette.sampled(BLOBS, labels, 1000, new PhiloxRandom(4));
        assertEquals(Silhouette.score(BLOBS, labels), all.score(), 1e-12);
        Silhouette.Sample some = Silhouette.sampled(BLOBS, labels, 100, new PhiloxRandom(4));
        assertEquals(100, some.rows().length);
        assertEquals(Double.parseDouble(SKLEARN.get("k3.silhouette")), some.score(), 0.05);
    }

    @Test
    void oneSegmentHasNoSilhouette() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Silhouette.score(BLOBS, new int[BLOBS.length]))
                .getMessage().contains("between 2 and n − 1"));
        assertThrows(IllegalArgumentException.class, () -> DaviesBouldin.index(BLOBS, new int[BLOBS.length]));
        assertThrows(IllegalArgumentException.class, () -> Silhouette.score(BLOBS, new int[3]));
    }
}
