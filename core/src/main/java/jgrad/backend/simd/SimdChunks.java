package jgrad.backend.simd;

import java.util.function.IntConsumer;
import jgrad.backend.Settings;

/**
 * How the SIMD backend cuts one kernel call into tasks for {@link SimdParallel}'s pool: an elementwise range into
 * one chunk per thread, a batch of products into a few chunks per thread, each only when the work repays the
 * hand-off. A call too small to share runs whole on the calling thread.
 */
final class SimdChunks {

    /** Elementwise calls at least this long are split across threads. */
    static final int PARALLEL_ELEMENTS = 1 << 18;
    /**
     * An optimizer's dense step (Adam, Adagrad, RMSprop, Adadelta) is split across threads from 2¹⁸ floats
     * ({@code -Djgrad.optim.grain}): Adam reads and writes four arrays once, and the half that a helper thread
     * updates must travel back to the caller's cache for the next forward pass. Split from 2¹⁵, an MLP step
     * (a 100 K-weight layer) ran 195–256 µs against 163–168 µs unsplit on a 2-vCPU AMD VM whose two threads
     * shared no cache at the time (two-thread GEMMs gained nothing there either, NumPy's included).
     */
    static final int OPTIM_GRAIN = Settings.integer("optim.grain", 1 << 18, 1);
    /** Row-sparse Adam (an embedding's looked-up rows and the rest) is split per thread from this many floats. */
    static final int ADAM_ROWS_GRAIN = 1 << 15;
    /** Gaussian draws per thread: one costs about 10 ns, so 32,768 are worth a hand-off to another core. */
    static final int NOISE_GRAIN = 1 << 15;
    /** A batch of products is split across threads from this many multiply-adds in all. */
    private static final long BATCH_GRAIN = 1L << 20;
    /** Batch chunks per thread: a thread that starts late finds work left to claim. */
    private static final int BATCH_CHUNKS_PER_THREAD = 4;

    private SimdChunks() {
    }

    /** A kernel over the element range [off, off + len). */
    interface Chunk {
        void run(int off, int len);
    }

    /**
     * Whether an elementwise call of n elements runs whole on the calling thread. Most calls are
     * short (a recurrent layer makes hundreds of calls of one row per step), so they are made
     * straight, without the lambda of {@link #inChunks}: those lambdas came to about 2.5 MB per
     * LSTM training sequence.
     */
    static boolean oneChunk(int n, int grain) {
        return SimdParallel.tasksFor(n, grain) == 1;
    }

    /** Runs an elementwise kernel over [0, n) in one chunk per thread, each of at least {@code grain} elements. */
    static void inChunks(int n, int grain, Chunk kernel) {
        int tasks = SimdParallel.tasksFor(n, grain);
        int chunk = (n + tasks - 1) / tasks;
        SimdParallel.run(tasks, t -> {
            int off = Math.min(n, t * chunk);
            kernel.run(off, Math.min(n, off + chunk) - off);
        });
    }

    /** Runs {@code product} for each of {@code count} products on the pool, if they are work enough to share. */
    static boolean sideBySide(int count, long workEach, IntConsumer product) {
        int tasks = SimdParallel.tasksFor(count * workEach, BATCH_GRAIN);
        if (tasks == 1 || count < 2) {
            return false;
        }
        int chunks = Math.min(count, tasks * BATCH_CHUNKS_PER_THREAD);
        SimdParallel.run(chunks, t -> {
            for (int i = (int) ((long) t * count / chunks); i < (int) ((long) (t + 1) * count / chunks); i++) {
                product.accept(i);
            }
        });
        return true;
    }
}
