package jgrad.testing;

import java.lang.management.ManagementFactory;

import jgrad.backend.Backend;
import jgrad.backend.Backends;

/**
 * Bytes a piece of code allocates on this thread, for tests that bound steady-state allocation.
 * It runs on the scalar backend: the SIMD kernels box their vectors until C2 has compiled them,
 * which would count the JIT's progress instead of the code's buffers.
 */
public final class Allocations {

    private Allocations() {
    }

    /** Runs r {@code warmUps} times, then returns the bytes allocated by one more run. */
    public static long ofOneRun(int warmUps, Runnable r) {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();
        Backend previous = Backends.current();
        String why = Backends.reason();
        Backends.use(Backends.scalar(), "allocation measured without JIT-dependent vector boxing");
        try {
            for (int i = 0; i < warmUps; i++) {
                r.run();
            }
            long before = bean.getThreadAllocatedBytes(id);
            r.run();
            return bean.getThreadAllocatedBytes(id) - before;
        } finally {
            Backends.use(previous, why);
        }
    }
}
