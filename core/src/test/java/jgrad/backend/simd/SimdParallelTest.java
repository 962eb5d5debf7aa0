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
