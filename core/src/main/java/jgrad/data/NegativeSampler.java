package jgrad.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws negative items for implicit feedback: uniformly among the items a user has not interacted with.
 * Users and items are dense ids, {@code 0 … numUsers−1} and {@code 0 … numItems−1} (re-index raw ids first).
 *
 * <p>Each user's positives are kept as a sorted int array (one CSR array for all users). A draw takes a
 * uniform r in {@code [0, numItems − k)} for a user with k positives and maps it to the r-th item that is not
 * a positive: with positives p_0 &lt; … &lt; p_{k−1}, that item is r + j where j = #{i : p_i − i ≤ r}, found by
 * binary search since p_i − i never decreases. So every draw is exact and costs O(log k), with no rejection loop.
 */
public final class NegativeSampler {

    private final int numItems;
    private final int[] offsets;
    private final int[] positives;

    /** Indexes the positives {@code (users[r], items[r])}; duplicate pairs count once. */
    public NegativeSampler(int[] users, int[] items, int numUsers, int numItems) {
        if (users.length != items.length) {
            throw new IllegalArgumentException("users and items differ in length");
        }
        if (numUsers < 0 || numItems < 1) {
            throw new IllegalArgumentException("need numUsers ≥ 0 and numItems ≥ 1, got " + numUsers + ", " + numItems);
        }
        this.numItems = numItems;
        int[] counts = new int[numUsers + 1];
        for (int r = 0; r < users.length; r++) {
            checkId("user", users[r], numUsers, r);
            checkId("item", items[r], numItems, r);
            counts[users[r] + 1]++;
        }
        for (int u = 0; u < numUsers; u++) {
            counts[u + 1] += counts[u];
        }
        int[] filled = Arrays.copyOf(counts, numUsers);
        int[] all = new int[users.length];
        for (int r = 0; r < users.length; r++) {
            all[filled[users[r]]++] = items[r];
        }
        this.offsets = new int[numUsers + 1];
        this.positives = sortAndDeduplicate(all, counts, offsets);
    }

    /** Sorts each user's segment and removes repeats, writing the compacted offsets. */
    private static int[] sortAndDeduplicate(int[] all, int[] counts, int[] offsets) {
        int out = 0;
        for (int u = 0; u + 1 < counts.length; u++) {
            Arrays.sort(all, counts[u], counts[u + 1]);
            offsets[u] = out;
            for (int i = counts[u]; i < counts[u + 1]; i++) {
                if (i == counts[u] || all[i] != all[i - 1]) {
                    all[out++] = all[i];
                }
            }
        }
        offsets[counts.length - 1] = out;
        return Arrays.copyOf(all, out);
    }

    public int numUsers() {
        return offsets.length - 1;
    }

    public int numItems() {
        return numItems;
    }

    /** The number of distinct positive items of {@code user}. */
    public int positiveCount(int user) {
        checkUser(user);
        return offsets[user + 1] - offsets[user];
    }

    /** The distinct positive items of {@code user}, ascending (e.g. to exclude seen items from a top-K list). */
    public int[] positivesOf(int user) {
        checkUser(user);
        return Arrays.copyOfRange(positives, offsets[user], offsets[user + 1]);
    }

    public boolean isPositive(int user, int item) {
        checkUser(user);
        return Arrays.binarySearch(positives, offsets[user], offsets[user + 1], item) >= 0;
    }

    /** One uniformly drawn item that {@code user} has not interacted with. */
    public int sample(int user, SplittableRandom random) {
        checkUser(user);
        int from = offsets[user];
        int k = offsets[user + 1] - from;
        if (k == numItems) {
            throw new IllegalStateException("a user has interacted with all " + numItems
                    + " items: no negative to draw");
        }
        int r = random.nextInt(numItems - k);
        int lo = 0;
        int hi = k;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (positives[from + mid] - mid <= r) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return r + lo;
    }

    /**
     * An epoch of training examples: each positive {@code (users[r], items[r])} with label 1, followed by
     * {@code negativesPerPositive} fresh negatives of the same user with label 0.
     */
    public ImplicitExamples epoch(int[] users, int[] items, int negativesPerPositive, SplittableRandom random) {
        if (users.length != items.length) {
            throw new IllegalArgumentException("users and items differ in length");
        }
        if (negativesPerPositive < 0) {
            throw new IllegalArgumentException("negatives per positive must not be negative");
        }
        int group = 1 + negativesPerPositive;
        int size = Math.multiplyExact(users.length, group);
        int[] outUsers = new int[size];
        int[] outItems = new int[size];
        float[] labels = new float[size];
        for (int r = 0; r < users.length; r++) {
            int base = r * group;
            outUsers[base] = users[r];
            outItems[base] = items[r];
            labels[base] = 1;
            for (int n = 1; n < group; n++) {
                outUsers[base + n] = users[r];
                outItems[base + n] = sample(users[r], random);
            }
        }
        return new ImplicitExamples(outUsers, outItems, labels);
    }

    private void checkUser(int user) {
        if (user < 0 || user >= numUsers()) {
            throw new IllegalArgumentException("a user index is out of range [0, " + numUsers() + ")");
        }
    }

    private static void checkId(String what, int id, int count, int row) {
        if (id < 0 || id >= count) {
            throw new IllegalArgumentException(what + " " + id + " at row " + row + " out of range [0, " + count + ")");
        }
    }
}
