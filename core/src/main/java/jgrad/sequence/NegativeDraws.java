package jgrad.sequence;

import java.util.BitSet;
import java.util.random.RandomGenerator;

/** Items drawn uniformly from the catalog 1 … n, avoiding a user's items. */
final class NegativeDraws {

    private NegativeDraws() {
    }

    /**
     * {@code count} distinct items of 1 … numItems that are not in {@code seen}, uniformly without
     * replacement (fewer when fewer exist); the rejection loop stays short because users see a small part
     * of the catalog.
     */
    static int[] unseen(int[] seen, int numItems, int count, RandomGenerator rng) {
        BitSet taken = new BitSet(numItems + 1);
        for (int item : seen) {
            taken.set(item);
        }
        int available = numItems - taken.cardinality();
        int[] out = new int[Math.min(count, available)];
        for (int i = 0; i < out.length; i++) {
            int item;
            do {
                item = 1 + rng.nextInt(numItems);
            } while (taken.get(item));
            taken.set(item);
            out[i] = item;
        }
        return out;
    }

    /** One item of 1 … numItems not in {@code seen} (a set as a bit set), with replacement across calls. */
    static int one(BitSet seen, int numItems, RandomGenerator rng) {
        if (seen.get(1, numItems + 1).cardinality() == numItems) {
            throw new IllegalArgumentException("a training prefix holds every item of the catalog 1 … " + numItems
                    + ": there is no negative item to draw for it");
        }
        int item;
        do {
            item = 1 + rng.nextInt(numItems);
        } while (seen.get(item));
        return item;
    }
}
