package jgrad.backend.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * Tasks are claimed by whichever thread comes first, the caller included: every task must still run
 * exactly once, the call must return only when all have finished, and a task's failure must reach the
 * caller. Task counts above the machine's threads are run too.
 */
class SimdParallelTest {

    @Test
    void everyTaskRunsExactlyOnceBeforeTheCallReturns() {
        for (int tasks = 1; tasks <= 9; tasks++) {
            for (int round = 0; round < 200; round++) {
                AtomicIntegerArray runs = new AtomicIntegerArray(tasks);
                SimdParallel.run(tasks, t -> {
                    Thread.onSpinWait();
                    runs.incrementAndGet(t);
                });
                for (int t = 0; t < tasks; t++) {
                    assertEquals(1, runs.get(t), "task " + t + " of " + tasks);
                }
            }
        }
    }

    /**
     * Callers on several threads at once hand their calls to the same workers, each replacing the last one a
     * worker has not yet taken; the tasks it did not take are run by their own caller. Also across a worker's
     * park: pauses longer than its spin between the calls.
     */
    @Test
    void concurrentCallersEachGetEveryTaskRunOnce() throws InterruptedException {
        int callers = 4;
        Throwable[] failures = new Throwable[callers];
        Thread[] threads = new Thread[callers];
        for (int c = 0; c < callers; c++) {
            int me = c;
            threads[c] = new Thread(() -> {
                try {
                    for (int round = 0; round < 300; round++) {
                        int tasks = 2 + (round + me) % 4;
                        AtomicIntegerArray runs = new AtomicIntegerArray(tasks);
                        SimdParallel.run(tasks, runs::incrementAndGet);
                        for (int t = 0; t < tasks; t++) {
                            assertEquals(1, runs.get(t), "caller " + me + ", task " + t + " of " + tasks);
                        }
                        if (round % 100 == 99) {
                            Thread.sleep(SimdParallel.SPIN_NANOS / 1_000_000 + 2);
                        }
                    }
                } catch (Throwable e) {
                    failures[me] = e;
                }
            });
            threads[c].start();
        }
        for (int c = 0; c < callers; c++) {
            threads[c].join();
            if (failures[c] != null) {
                throw new AssertionError("caller " + c, failures[c]);
            }
        }
    }

    @Test
    void aFailingTaskFailsTheCall() {
        IllegalStateException boom = new IllegalStateException("boom");
        for (int failing = 0; failing < 3; failing++) {
            int f = failing;
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> SimdParallel.run(3, t -> {
                if (t == f) {
                    throw boom;
                }
            }));
            assertSame(boom, thrown);
        }
    }
}
