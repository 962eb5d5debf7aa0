package jgrad.bench.models;

import java.util.SplittableRandom;

import jgrad.backend.Storage;
import jgrad.bench.BackendChoice;
import jgrad.tensor.Tensor;

/**
 * Random ratings shaped like MovieLens 100K (943 users, 1,682 items, 100,000 ratings 1–5), served in
 * shuffled batches as the peer script's epoch loop serves them: consecutive slices of a permutation. The
 * permutation is redrawn by {@link #shuffle()}, which the benchmark calls between measurement iterations, so
 * that a measured step only slices (within an iteration the epochs walk the same order). Only whole batches
 * are served (390 of 256 per epoch instead of 390 and one of 160), so every step has the same shape.
 */
final class RatingBatches {

    static final int USERS = 943;
    static final int ITEMS = 1682;
    static final int RATINGS = 100_000;

    private final int[] users = new int[RATINGS];
    private final int[] items = new int[RATINGS];
    private final float[] ratings = new float[RATINGS];
    private final int[] perm = new int[RATINGS];
    private final SplittableRandom rng = new SplittableRandom(BackendChoice.SEED);
    private final int batch;
    private int next = RATINGS;

    /** The ids of the current batch. */
    final int[] u;
    final int[] i;
    /**
     * The targets of the current batch: one host tensor, made once and overwritten by each batch (as a PyTorch loop
     * would copy into a pinned buffer), so that a step does not allocate its targets.
     */
    private final Tensor target;
    private final float[] r;

    RatingBatches(int batch) {
        this.batch = batch;
        u = new int[batch];
        i = new int[batch];
        target = Tensor.zeros(batch);
        r = ((Storage.F32) target.storage()).a;
        for (int k = 0; k < RATINGS; k++) {
            users[k] = rng.nextInt(USERS);
            items[k] = rng.nextInt(ITEMS);
            ratings[k] = 1 + rng.nextInt(5);
            perm[k] = k;
        }
    }

    /**
     * Moves to the next batch (back to the start of the order at the end of an epoch); its targets as a tensor, the
     * same one every batch: valid until the next call.
     */
    Tensor advance() {
        if (next + batch > RATINGS) {
            next = 0;
        }
        for (int k = 0; k < batch; k++) {
            int row = perm[next + k];
            u[k] = users[row];
            i[k] = items[row];
            r[k] = ratings[row];
        }
        next += batch;
        return target;
    }

    /** A new order of the ratings, from the start. */
    void shuffle() {
        next = 0;
        for (int k = RATINGS - 1; k > 0; k--) {
            int j = rng.nextInt(k + 1);
            int t = perm[k];
            perm[k] = perm[j];
            perm[j] = t;
        }
    }
}
