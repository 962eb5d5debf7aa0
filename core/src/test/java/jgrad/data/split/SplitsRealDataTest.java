package jgrad.data.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import jgrad.data.BadRows;
import jgrad.data.ImplicitExamples;
import jgrad.data.NegativeSampler;
import jgrad.data.Ratings;
import jgrad.data.SamplerTiming;
import jgrad.data.TestData;
import jgrad.data.movielens.LeaveOneOutNegatives;
import jgrad.data.movielens.MovieLens100k;
import org.junit.jupiter.api.Test;

/** Splits and sampling on MovieLens 100K; skipped when the data is absent. */
class SplitsRealDataTest {

    private static Ratings uDataCache;

    /** u.data, read once for the whole class. */
    private static Ratings uData() {
        if (uDataCache == null) {
            uDataCache = MovieLens100k.in(TestData.require("ml-100k")).ratings();
        }
        return uDataCache;
    }

    @Test
    void leaveOneOutPicksTheSameTestItemsAsThePublishedCandidates() {
        Ratings all = uData();
        LeaveOneOutNegatives published = LeaveOneOutNegatives.read(
                TestData.require("ml-100k-loo").resolve("test_negatives.tsv"), 99, 1682, BadRows.failFast());
        Split<Ratings> s = Splits.apply(all, Splits.leaveOneOut(all));
        assertEquals(943, s.test().size());
        assertEquals(99_057, s.train().size());
        int[] testItemOfUser = new int[944];
        for (int r = 0; r < s.test().size(); r++) {
            testItemOfUser[s.test().users()[r]] = s.test().items()[r];
        }
        for (int k = 0; k < published.size(); k++) {
            assertEquals(published.testItems()[k], testItemOfUser[published.users()[k]], "user " + published.users()[k]);
        }
    }

    @Test
    void u1PartsTogetherAreUData() {
        MovieLens100k ml = MovieLens100k.in(TestData.require("ml-100k"));
        Split<Ratings> u1 = ml.fixedSplit("u1");
        assertArrayEquals(keys(uData()), concatKeys(u1.train(), u1.test()));
    }

    @Test
    void negativesForTheWholeDataSetAvoidEveryPositive() {
        Ratings all = uData();
        int[] users = Arrays.stream(all.users()).map(u -> u - 1).toArray();
        int[] items = Arrays.stream(all.items()).map(i -> i - 1).toArray();
        NegativeSampler sampler = new NegativeSampler(users, items, 943, 1682);
        SplittableRandom random = new SplittableRandom(1);
        double ms = SamplerTiming.bestEpochMillis(sampler, users, items, 4, 3, random);
        System.out.printf("NegativeSampler on ML-100K: 400,000 negatives in %.1f ms of CPU%n", ms);
        assertTrue(ms < 1000, "took " + ms + " ms");
        ImplicitExamples epoch = sampler.epoch(users, items, 4, random);
        java.util.Set<Long> positives = new java.util.HashSet<>();
        for (int r = 0; r < users.length; r++) {
            positives.add((long) users[r] << 32 | items[r]);
        }
        for (int r = 0; r < epoch.size(); r++) {
            boolean isPositive = positives.contains((long) epoch.users()[r] << 32 | epoch.items()[r]);
            assertEquals(epoch.labels()[r] == 1, isPositive, "row " + r);
        }
    }

    /** One exact number per rating: (user, item, stars) in the high bits, the timestamp (below 2^31) in the low ones. */
    private static long[] keys(Ratings r) {
        long[] k = new long[r.size()];
        for (int i = 0; i < k.length; i++) {
            long pairAndStars = (r.users()[i] * 2000L + r.items()[i]) * 8 + (long) r.ratings()[i];
            k[i] = pairAndStars << 31 | r.timestamps()[i];
        }
        Arrays.sort(k);
        return k;
    }

    private static long[] concatKeys(Ratings a, Ratings b) {
        long[] k = new long[a.size() + b.size()];
        System.arraycopy(keys(a), 0, k, 0, a.size());
        System.arraycopy(keys(b), 0, k, a.size(), b.size());
        Arrays.sort(k);
        return k;
    }
}
