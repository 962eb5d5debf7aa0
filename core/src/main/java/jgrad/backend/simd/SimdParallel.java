package jgrad.backend.simd;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import jgrad.backend.Settings;

/**
 * A small fixed pool that splits one kernel call into a few tasks, one per core. The calling thread
 * runs task 0 itself, so a call with one task never leaves the caller. The thread count comes from
 * the system property {@code jgrad.threads} (default: the available processors).
 *
 * <p>A worker that finishes a task keeps polling for the next call for {@link #SPIN_NANOS} before it
 * parks, as OpenMP runtimes and OpenBLAS's threads do: a training step is a string of parallel kernels a
 * few tens of microseconds apart, and waking a parked thread on this project's VMs took long enough that
 * the caller had often done the whole call alone by then. With workers parked between kernels (a plain
 * executor) the MLP step ran 200 µs in some JMH forks and 300 µs in others at 256 bits.
 */
final class SimdParallel {

    /** How many threads a kernel may use, including the caller. */
    static final int THREADS = threadCount();

    /** How long an idle worker polls for the next call before parking: {@code -Djgrad.spinMicros}, default 200. */
    static final long SPIN_NANOS = 1000L * Settings.longInteger("spinMicros", 200, 0);

    private static final Worker[] WORKERS = startWorkers(THREADS - 1);

    private static Worker[] startWorkers(int n) {
        Worker[] workers = new Worker[n];
        for (int i = 0; i < n; i++) {
            workers[i] = new Worker(i + 1);
            workers[i].start();
        }
        return workers;
    }

    private SimdParallel() {
    }

    private static int threadCount() {
        return Settings.integer("threads", Runtime.getRuntime().availableProcessors(), 1);
    }

    /** How many tasks to use for {@code work} units when one task should get at least {@code grain} units. */
    static int tasksFor(long work, long grain) {
        if (THREADS == 1 || Thread.currentThread() instanceof Worker || IN_TASKS.get()[0] > 0) {
            return 1;                                   // no nesting: the pool's threads are busy with this call's tasks
        }
        return (int) Math.max(1, Math.min(THREADS, work / grain));
    }

    /**
     * Runs body(0..tasks-1) and returns when all are done. Tasks are claimed, never assigned: the
     * caller runs task 0, then claims whatever no worker has started, so it waits only for tasks
     * already under way. On a shared machine a worker can take a millisecond to be scheduled, longer
     * than a small product takes on one thread; waiting for it cost the LSTM benchmark up to half of
     * its speed. Without a pool (one thread) the caller runs every task in turn, which tests use to
     * try task counts anywhere.
     */
    static void run(int tasks, IntConsumer body) {
        if (tasks <= 1 || WORKERS.length == 0) {
            for (int t = 0; t < Math.max(1, tasks); t++) {
                body.accept(t);
            }
            return;
        }
        Claims claims = new Claims(tasks, body);
        for (int w = 0; w < Math.min(tasks - 1, WORKERS.length); w++) {
            WORKERS[w].hand(claims);
        }
        int[] depth = IN_TASKS.get();
        depth[0]++;
        try {
            claims.runTask(0);
            claims.run();
        } finally {
            depth[0]--;
        }
        claims.awaitAll();
    }

    /** How deep the calling thread is in tasks of {@link #run}: a kernel called from a task runs on its thread alone. */
    private static final ThreadLocal<int[]> IN_TASKS = ThreadLocal.withInitial(() -> new int[1]);

    /**
     * The tasks of one call: a counter to claim them, a count of those finished, the first failure. The three are
     * fields updated through VarHandles rather than atomic objects, so that a parallel call makes one object, not four.
     */
    private static final class Claims implements Runnable {
        /** Busy-wait steps before the caller starts yielding its core while a worker finishes. */
        private static final int SPINS = 1 << 10;
        private static final VarHandle NEXT;
        private static final VarHandle DONE;
        private static final VarHandle FAILURE;

        static {
            try {
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                NEXT = lookup.findVarHandle(Claims.class, "next", int.class);
                DONE = lookup.findVarHandle(Claims.class, "done", int.class);
                FAILURE = lookup.findVarHandle(Claims.class, "failure", Throwable.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final int tasks;
        private final IntConsumer body;
        private volatile int next = 1;
        private volatile int done;
        private volatile Throwable failure;

        Claims(int tasks, IntConsumer body) {
            this.tasks = tasks;
            this.body = body;
        }

        /** Runs tasks until none is left unclaimed (a worker that starts late finds nothing and returns). */
        @Override
        public void run() {
            for (int t; (t = (int) NEXT.getAndAdd(this, 1)) < tasks; ) {
                runTask(t);
            }
        }

        void runTask(int t) {
            try {
                body.accept(t);
            } catch (Throwable e) {
                FAILURE.compareAndSet(this, (Throwable) null, e);
            } finally {
                DONE.getAndAdd(this, 1);
            }
        }

        /** Waits for the tasks workers have claimed, then rethrows the first failure of any task. */
        void awaitAll() {
            for (int spins = 0; done < tasks; spins++) {
                if (spins < SPINS) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            Throwable e = failure;
            if (e instanceof RuntimeException r) {
                throw r;
            }
            if (e instanceof Error err) {
                throw err;
            }
            if (e != null) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * A pool thread: a daemon, so an idle pool never keeps the JVM alive. Its inbox holds the latest call handed
     * to it; a call that another caller's replaces before the worker looks is not lost, since every caller
     * runs the tasks nobody claimed.
     */
    private static final class Worker extends Thread {
        private final AtomicReference<Claims> inbox = new AtomicReference<>();
        /** Set before the worker's last look at its inbox ahead of parking, so that a hand-off then unparks it. */
        private volatile boolean parking;

        Worker(int number) {
            super("jgrad-simd-" + number);
            setDaemon(true);
        }

        void hand(Claims claims) {
            inbox.set(claims);
            if (parking) {
                LockSupport.unpark(this);
            }
        }

        @Override
        public void run() {
            long idleSince = System.nanoTime();
            while (true) {
                Claims claims = inbox.getAndSet(null);
                if (claims != null) {
                    claims.run();
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    parking = true;
                    if (inbox.get() == null) {
                        LockSupport.park(this);
                    }
                    parking = false;
                    idleSince = System.nanoTime();
                }
            }
        }
    }
}
