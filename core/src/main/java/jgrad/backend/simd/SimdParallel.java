package jgrad.backend.simd;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * A small fixed pool that splits one kernel call into a few tasks, one per core. The calling thread
 * runs task 0 itself, so a call with one task never leaves the caller. The thread count comes from
 * the system property {@code jgrad.threads} (default: the available processors).
 */
final class SimdParallel {

    /** How many threads a kernel may use, including the caller. */
    static final int THREADS = threadCount();

    private static final ExecutorService POOL = THREADS > 1
            ? Executors.newFixedThreadPool(THREADS - 1, Worker::new) : null;

    private SimdParallel() {
    }

    private static int threadCount() {
        String prop = System.getProperty("jgrad.threads");
        int n = prop == null || prop.isBlank() ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(prop.trim());
        if (n < 1) {
            throw new IllegalArgumentException("-Djgrad.threads must be at least 1, got " + n);
        }
        return n;
    }

    /** How many tasks to use for {@code work} units when one task should get at least {@code grain} units. */
    static int tasksFor(long work, long grain) {
        if (THREADS == 1 || Thread.currentThread() instanceof Worker) {
            return 1;                                   // no nesting: a worker never waits on its own pool
        }
        return (int) Math.max(1, Math.min(THREADS, work / grain));
    }

    /**
     * Runs body(0..tasks-1), task 0 on the caller, and returns when all are done. Without a pool
     * (one thread) the caller runs every task in turn, which tests use to try task counts anywhere.
     */
    static void run(int tasks, IntConsumer body) {
        if (tasks <= 1 || POOL == null) {
            for (int t = 0; t < Math.max(1, tasks); t++) {
                body.accept(t);
            }
            return;
        }
        Future<?>[] futures = new Future<?>[tasks - 1];
        for (int t = 1; t < tasks; t++) {
            int task = t;
            futures[t - 1] = POOL.submit(() -> body.accept(task));
        }
        body.accept(0);
        for (Future<?> f : futures) {
            join(f);
        }
    }

    private static void join(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a kernel task", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** A pool thread: a daemon, so an idle pool never keeps the JVM alive. */
    private static final class Worker extends Thread {
        private static final java.util.concurrent.atomic.AtomicInteger COUNT = new java.util.concurrent.atomic.AtomicInteger();

        Worker(Runnable r) {
            super(r, "jgrad-simd-" + COUNT.incrementAndGet());
            setDaemon(true);
        }
    }
}
