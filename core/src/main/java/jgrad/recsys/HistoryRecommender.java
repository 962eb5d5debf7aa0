package jgrad.recsys;

/**
 * A model that scores the next item from what a user did before, in order: a behaviour-sequence model
 * (GRU4Rec, SASRec, an attention pooling over the history) rather than one embedding per user. It needs no
 * user id, so it also answers for users it never saw in training. Items are dense ids
 * {@code 0 … numItems−1}; a higher score means a likelier next item.
 */
public interface HistoryRecommender {

    int numItems();

    /**
     * The score of each item 0 … numItems−1 as the next one after {@code history} (oldest first), in
     * evaluation mode, without a graph. Must be safe to call from many threads at once.
     */
    double[] scoreNext(int[] history);

    /** The {@code k} best-scored items not in the history, best first; ties go to the lower item id. */
    default int[] recommendNext(int[] history, int k) {
        return Recommender.topUnseen(scoreNext(history), k, history);
    }
}
