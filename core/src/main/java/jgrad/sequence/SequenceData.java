package jgrad.sequence;

import java.util.Arrays;

/**
 * Users' item sequences in time order with the leave-one-out split of next-item recommendation: the last
 * item of a user's sequence is the test target, the one before it the validation target, everything
 * before that the training prefix. Item ids are 1 … {@link #numItems()} (0 is the padding id of the
 * models); users are indexed 0 … n − 1 and keep their ids from the file ({@link #userId}).
 *
 * <p>A user with fewer than 3 items has no training prefix left after the two targets: such users are
 * not evaluated and their sequence (possibly of one item) is training data only ({@link #evaluated}).
 * Each evaluated user carries 100 (or some) sampled negatives for the validation and for the test target.
 */
public final class SequenceData {

    private final int numItems;
    private final int[] userIds;
    private final int[][] sequences;
    private final int[][] validNegatives;
    private final int[][] testNegatives;

    /**
     * @param validNegatives per user, the items the validation target is ranked among (null for users
     *                       with fewer than 3 items); likewise {@code testNegatives}
     */
    public SequenceData(int numItems, int[] userIds, int[][] sequences, int[][] validNegatives, int[][] testNegatives) {
        if (userIds.length != sequences.length || validNegatives.length != sequences.length
                || testNegatives.length != sequences.length) {
            throw new IllegalArgumentException("SequenceData: " + userIds.length + " users, " + sequences.length
                    + " sequences, " + validNegatives.length + " and " + testNegatives.length + " negative lists");
        }
        this.numItems = numItems;
        this.userIds = userIds.clone();
        this.sequences = sequences;
        this.validNegatives = validNegatives;
        this.testNegatives = testNegatives;
        for (int u = 0; u < sequences.length; u++) {
            for (int item : sequences[u]) {
                if (item < 1 || item > numItems) {
                    throw new IllegalArgumentException("sequence " + (u + 1) + ": item " + item
                            + " is outside the catalog 1 … " + numItems);
                }
            }
            if (evaluated(u) != (validNegatives[u] != null && testNegatives[u] != null)) {
                throw new IllegalArgumentException("sequence " + (u + 1) + " has " + sequences[u].length
                        + " items: negatives are needed exactly for users with at least 3");
            }
        }
    }

    /** Which part of the sequence a ranking predicts. */
    public enum Target {
        /** the second-to-last item, predicted from the training prefix */
        VALID,
        /** the last item, predicted from the training prefix and the validation item */
        TEST
    }

    public int numItems() {
        return numItems;
    }

    public int numUsers() {
        return sequences.length;
    }

    /** The id the file gave user {@code u}. */
    public int userId(int u) {
        return userIds[u];
    }

    /** The index of the user with file id {@code id}, or −1. */
    public int indexOf(int id) {
        for (int u = 0; u < userIds.length; u++) {
            if (userIds[u] == id) {
                return u;
            }
        }
        return -1;
    }

    /** The whole sequence of user u, targets included (a copy). */
    public int[] sequence(int u) {
        return sequences[u].clone();
    }

    /** Whether user u has a validation and a test target (at least 3 items). */
    public boolean evaluated(int u) {
        return sequences[u].length >= 3;
    }

    /** The items training may read: all but the last two, or the whole sequence of a user not evaluated. */
    public int[] trainingPrefix(int u) {
        int[] s = sequences[u];
        return evaluated(u) ? Arrays.copyOf(s, s.length - 2) : s.clone();
    }

    /** The history a model reads to predict {@code target}: the training prefix, plus the validation item for the test. */
    public int[] history(int u, Target target) {
        int[] s = sequences[u];
        return Arrays.copyOf(s, s.length - (target == Target.VALID ? 2 : 1));
    }

    public int target(int u, Target target) {
        int[] s = sequences[u];
        return s[s.length - (target == Target.VALID ? 2 : 1)];
    }

    /** The sampled items the target is ranked among (a copy). */
    public int[] negatives(int u, Target target) {
        return (target == Target.VALID ? validNegatives[u] : testNegatives[u]).clone();
    }

    /** How many users have targets. */
    public int evaluatedUsers() {
        int n = 0;
        for (int u = 0; u < sequences.length; u++) {
            n += evaluated(u) ? 1 : 0;
        }
        return n;
    }

    /** How many users' histories for {@code target} hold more than {@code maxLength} items. */
    public int longerThan(int maxLength, Target target) {
        int n = 0;
        for (int u = 0; u < sequences.length; u++) {
            n += evaluated(u) && history(u, target).length > maxLength ? 1 : 0;
        }
        return n;
    }

    /** The number of items in all training prefixes. */
    public long trainingItems() {
        long n = 0;
        for (int u = 0; u < sequences.length; u++) {
            n += trainingPrefix(u).length;
        }
        return n;
    }
}
