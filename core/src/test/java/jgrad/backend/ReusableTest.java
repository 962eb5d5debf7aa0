package jgrad.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** Objects kept per platform thread, and lent from task to task on virtual threads. */
class ReusableTest {

    /** Runs {@code task} on a new virtual thread and waits for it. */
    private static void onVirtualThread(Runnable task) throws InterruptedException {
        Thread t = Thread.ofVirtual().start(task);
        t.join();
    }

    @Test
    void aPlatformThreadKeepsItsOwnObject() throws InterruptedException {
        AtomicInteger made = new AtomicInteger();
        Reusable<Object> r = new Reusable<>(() -> new Object[] {made.incrementAndGet()});
        Object first = r.take();
        r.give(first);
        assertSame(first, r.take(), "the same thread gets the same object");
        AtomicReference<Object> other = new AtomicReference<>();
        Thread t = Thread.ofPlatform().start(() -> other.set(r.take()));
        t.join();
        assertNotSame(first, other.get(), "another platform thread has its own");
        assertEquals(2, made.get());
    }

    @Test
    void virtualThreadsOneAfterAnotherReuseOneObject() throws InterruptedException {
        AtomicInteger made = new AtomicInteger();
        Reusable<Object> r = new Reusable<>(() -> new Object[] {made.incrementAndGet()});
        AtomicReference<Object> first = new AtomicReference<>();
        AtomicReference<Object> second = new AtomicReference<>();
        onVirtualThread(() -> {
            first.set(r.take());
            r.give(first.get());
        });
        onVirtualThread(() -> {
            second.set(r.take());
            r.give(second.get());
        });
        assertSame(first.get(), second.get(), "the second request borrows what the first gave back");
        assertEquals(1, made.get());
    }

    @Test
    void virtualThreadsAtTheSameTimeNeverShareAnObject() throws InterruptedException {
        Reusable<Object> r = new Reusable<>(Object::new);
        CountDownLatch bothHold = new CountDownLatch(2);
        AtomicReference<Object> a = new AtomicReference<>();
        AtomicReference<Object> b = new AtomicReference<>();
        Thread ta = Thread.ofVirtual().start(() -> hold(r, a, bothHold));
        Thread tb = Thread.ofVirtual().start(() -> hold(r, b, bothHold));
        ta.join();
        tb.join();
        assertNotSame(a.get(), b.get());
    }

    private static void hold(Reusable<Object> r, AtomicReference<Object> got, CountDownLatch bothHold) {
        Object o = r.take();
        got.set(o);
        bothHold.countDown();
        try {
            bothHold.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        r.give(o);
    }

    @Test
    void arenaScopesOnVirtualThreadsReuseTheirStorages() throws InterruptedException {
        AtomicReference<Storage> first = new AtomicReference<>();
        AtomicReference<Storage> second = new AtomicReference<>();
        AtomicReference<Boolean> activeAfter = new AtomicReference<>();
        onVirtualThread(() -> {
            try (Arena ignored = Arena.open()) {
                first.set(Arena.hostStorage(DType.F32, 1234));
            }
            activeAfter.set(Arena.isActive());
        });
        onVirtualThread(() -> {
            try (Arena ignored = Arena.open()) {
                second.set(Arena.hostStorage(DType.F32, 1234));
            }
        });
        assertSame(first.get(), second.get(), "the next request's step memory is the last one's");
        assertEquals(false, activeAfter.get(), "the thread holds no arena after its scope");
    }
}
