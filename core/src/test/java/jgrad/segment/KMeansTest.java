package jgrad.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import jgrad.random.PhiloxRandom;

/** k-means against scikit-learn 1.2.1's KMeans on the blob fixture (see make_fixtures.py), and its edge cases. */
class KMeansTest {

    private static final double[][] BLOBS = SklearnFixture.points("blobs.csv");
    private static final Map<String, String> SKLEARN = SklearnFixture.expected("blobs.expected");

    @Test
    void threeBlobsGiveScikitLearnsCentersLabelsAndInertia() {
        Clustering c = KMeans.of(3).restarts(10).fit(BLOBS, new PhiloxRandom(1));
        int[] expectedLabels = SklearnFixture.labels(SKLEARN.get("k3.labels"));
        double[][] expectedCenters = SklearnFixture.matrix(SKLEARN.get("k3.centers"));
        int[] ours = permutationTo(c.labels(), expectedLabels, 3);
        for (int r = 0; r < BLOBS.length; r++) {
            assertEquals(expectedLabels[r], ours[c.labels()[r]], "row " + r);
        }
        for (int j = 0; j < 3; j++) {
            assertArrayEquals(expectedCenters[ours[j]], c.centers()[j], 1e-6, "center " + j);
        }
        assertEquals(Double.parseDouble(SKLEARN.get("k3.inertia")), c.inertia(), 1e-6);
    }

    @Test
    void fourSegmentsReachScikitLearnsBestInertia() {
        Clustering c = KMeans.of(4).restarts(10).fit(BLOBS, new PhiloxRandom(1));
        assertEquals(Double.parseDouble(SKLEARN.get("k4.inertia")), c.inertia(), 1e-6);
    }

    @Test
    void theSameSeedGivesTheSameSegmentsAndTheInertiaIsTheirs() {
        Clustering a = KMeans.of(4).restarts(2).fit(BLOBS, new PhiloxRandom(9));
        Clustering b = KMeans.of(4).restarts(2).fit(BLOBS, new PhiloxRandom(9));
        assertArrayEquals(a.labels(), b.labels());
        assertEquals(a.inertia(), b.inertia(), 0);
        assertEquals(Points.inertia(BLOBS, a.labels(), a.centers()), a.inertia(), 1e-9);
        for (int r = 0; r < BLOBS.length; r++) {
            assertEquals(a.labels()[r], a.assign(BLOBS[r]));
        }
    }

    @Test
    void lloydFromGivenCentersConvergesOnAHandWorkedCase() {
        double[][] x = {{0}, {1}, {9}, {10}, {11}};
        Clustering c = KMeans.of(2).fitFrom(x, new double[][] {{0}, {1}});
        // {0} | {1, 9, 10, 11} → centers 0, 7.75 → {0, 1} | {9, 10, 11} → centers 0.5, 10, stable
        assertArrayEquals(new int[] {0, 0, 1, 1, 1}, c.labels());
        assertEquals(0.5, c.centers()[0][0], 1e-12);
        assertEquals(10, c.centers()[1][0], 1e-12);
        assertEquals(0.25 + 0.25 + 1 + 0 + 1, c.inertia(), 1e-12);
    }

    @Test
    void aSegmentLeftEmptyTakesTheFarthestRow() {
        double[][] x = {{0}, {1}, {2}, {10}};
        // the center at 100 wins no row at first: it must take row {10}, the farthest from its center (1)
        Clustering c = KMeans.of(2).fitFrom(x, new double[][] {{1}, {100}});
        assertArrayEquals(new int[] {0, 0, 0, 1}, c.labels());
        assertEquals(10, c.centers()[1][0], 1e-12);
    }

    @Test
    void asManySegmentsAsRowsPutsEachRowAlone() {
        double[][] x = {{0, 0}, {5, 5}, {9, 1}};
        Clustering c = KMeans.of(3).fit(x, new PhiloxRandom(3));
        assertEquals(0, c.inertia(), 0);
        assertArrayEquals(new int[] {1, 1, 1}, c.sizes());
    }

    @Test
    void badInputIsNamed() {
        var random = new PhiloxRandom(1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KMeans.of(4).fit(new double[][] {{1}, {2}}, random))
                .getMessage().contains("k = 4 segments for 2 rows"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KMeans.of(1).fit(new double[0][], random))
                .getMessage().contains("no rows"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> KMeans.of(1).fit(new double[][] {{1, 2}, {3, Double.NaN}}, random))
                .getMessage().contains("row 2, column 2 is NaN"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KMeans.of(1).fit(new double[][] {{1, 2}, {3}}, random))
                .getMessage().contains("row 2 has 1 values"));
        assertThrows(IllegalArgumentException.class, () -> KMeans.of(0));
    }

    /** For each of our segments, the scikit-learn segment most of its rows carry. */
    static int[] permutationTo(int[] ours, int[] theirs, int k) {
        int[][] votes = new int[k][k];
        for (int r = 0; r < ours.length; r++) {
            votes[ours[r]][theirs[r]]++;
        }
        int[] map = new int[k];
        for (int j = 0; j < k; j++) {
            for (int t = 0; t < k; t++) {
                if (votes[j][t] > votes[j][map[j]]) {
                    map[j] = t;
                }
            }
        }
        return map;
    }
}
