package jgrad.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import jgrad.random.PhiloxRandom;

/** Mini-batch k-means finds the blob fixture's segments (scikit-learn's full k-means, see make_fixtures.py). */
class MiniBatchKMeansTest {

    @Test
    void findsTheSegmentsOfFullKMeansWithinAFewPercentOfItsInertia() {
        double[][] x = SklearnFixture.points("blobs.csv");
        Map<String, String> sklearn = SklearnFixture.expected("blobs.expected");
        int[] expected = SklearnFixture.labels(sklearn.get("k3.labels"));
        Clustering c = new MiniBatchKMeans(3, 32, 100).fit(x, new PhiloxRandom(5));
        int[] map = KMeansTest.permutationTo(c.labels(), expected, 3);
        int agree = 0;
        for (int r = 0; r < x.length; r++) {
            agree += map[c.labels()[r]] == expected[r] ? 1 : 0;
        }
        assertTrue(agree >= 297, agree + " of 300 rows agree");
        double best = Double.parseDouble(sklearn.get("k3.inertia"));
        assertTrue(c.inertia() >= best - 1e-9 && c.inertia() < 1.03 * best, "inertia " + c.inertia() + " vs " + best);
    }

    @Test
    void eachCenterIsTheRunningMeanOfTheRowsItWasGiven() {
        // one center, every batch row is the same two points in turn: the center is the mean of the rows drawn
        double[][] x = {{0, 0}, {4, 8}};
        Clustering a = new MiniBatchKMeans(1, 5, 40).fit(x, new PhiloxRandom(2));
        Clustering b = new MiniBatchKMeans(1, 5, 40).fit(x, new PhiloxRandom(2));
        assertArrayEquals(a.centers()[0], b.centers()[0], 0);
        assertEquals(a.centers()[0][1], 2 * a.centers()[0][0], 1e-12);      // on the segment between the two points
        assertTrue(Math.abs(a.centers()[0][0] - 2) < 0.5, "center " + a.centers()[0][0]);
    }
}
