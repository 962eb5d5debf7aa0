package jgrad.data;

/**
 * The data of the leave-one-out protocol (He et al. 2017, §4.1), with dense ids (users {@code 0 … numUsers−1},
 * items {@code 0 … numItems−1}): the training ratings, and for each evaluated user {@code users[r]} the
 * held-out item {@code testItems[r]} and the items {@code negatives[r]} it is ranked among.
 */
public record LeaveOneOutData(int numUsers, int numItems, Ratings train, int[] users, int[] testItems,
        int[][] negatives) {

    public LeaveOneOutData {
        if (users.length != testItems.length || users.length != negatives.length) {
            throw new IllegalArgumentException("leave-one-out: " + users.length + " users, " + testItems.length
                    + " held-out items and " + negatives.length + " candidate lists");
        }
    }

    /** The number of held-out (evaluated) users. */
    public int heldOut() {
        return users.length;
    }
}
