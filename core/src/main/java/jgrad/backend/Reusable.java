package jgrad.backend;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * An object that one thread uses at a time and that should outlive the call that uses it: a kernel's
 * workspace, a scratch buffer, a step arena. On a platform thread it is a thread-local, made once.
 * A virtual thread usually lives for one task (one request of a server), so a thread-local would make
 * a new object per task, and a GEMM workspace is megabytes: there {@link #take} borrows one from a
 * small lock-free stash, or makes one when all are in use, and {@link #give} puts it back.
 *
 * <p>Use it as {@code T t = r.take(); try { ... } finally { r.give(t); }}. An object is never in two
 * hands at once: a taker that finds a slot's object takes it out of the stash. Takers and givers scan
 * from the first slot, so tasks that follow one another use the same object (warm in cache); only as
 * many run at once as there are carrier threads, so the scans rarely meet.
 */
public final class Reusable<T> {

    private static final int SLOTS = 64;

    private final Supplier<T> make;
    private final ThreadLocal<T> perThread;
    private final AtomicReferenceArray<T> stash = new AtomicReferenceArray<>(SLOTS);

    public Reusable(Supplier<T> make) {
        this.make = make;
        this.perThread = ThreadLocal.withInitial(make);
    }

    /** This platform thread's object, or on a virtual thread one borrowed from the stash (or new). */
    public T take() {
        Thread thread = Thread.currentThread();
        if (!thread.isVirtual()) {
            return perThread.get();
        }
        for (int n = 0; n < SLOTS; n++) {
            T t = stash.getAndSet(n, null);
            if (t != null) {
                return t;
            }
        }
        return make.get();
    }

    /** Hands back what {@link #take} gave this thread; a no-op on a platform thread, which keeps its own. */
    public void give(T t) {
        Thread thread = Thread.currentThread();
        if (!thread.isVirtual()) {
            return;
        }
        for (int n = 0; n < SLOTS; n++) {
            if (stash.compareAndSet(n, null, t)) {
                return;
            }
        }
    }
}
