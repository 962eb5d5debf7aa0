package jgrad.sequence;

/** Something that scores every item as the next one of a history (higher is more likely). */
public interface NextItemScorer {

    /** Items are 1 … numItems. */
    int numItems();

    /**
     * For each history (item ids in time order, at least one), the scores of items 0 … numItems; entry 0 (the
     * padding id) is never ranked.
     */
    double[][] scores(int[][] histories);
}
