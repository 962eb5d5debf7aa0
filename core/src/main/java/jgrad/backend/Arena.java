package jgrad.backend;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Step memory: the host storages that one training step or one query allocates are handed back when
 * it ends and lent again to the next one, so that a loop at a steady shape allocates no new arrays
 * (in the spirit of DL4J's workspaces and PyTorch's caching allocator, with an explicit scope because
 * Java has no reference counts).
 *
 * <pre>{@code
 * try (Arena step = Arena.open()) {
 *     Tensor loss = lossOf(model.forward(x), y);
 *     loss.backward();
 *     optimizer.step();
 *     lossValue = loss.item();          // read what you keep before the scope ends
 * }
 * }</pre>
 *
 * <p>The rule: a tensor computed inside the scope is not valid after it closes, because its storage
 * may hold the next step's numbers. Copy out what you keep ({@code item()}, {@code toFloatArray()},
 * or a copy made inside {@link #outside}). State that outlives a step and that the library creates
 * lazily (parameter gradients, optimizer moments, kernel workspaces) is allocated {@link #outside}
 * the arena. Scopes nest: only the outermost close hands storages back. Each platform thread has its
 * own arena; a virtual thread (a server's request) borrows one for its outermost scope and gives it
 * back at the close, so that requests, too, reuse their storages. Storages of other devices (CUDA)
 * are not pooled.
 *
 * <p>With {@code -Djgrad.arena.poison=true} every storage handed back is filled with NaN, so that a
 * tensor read after its scope shows at once; the test suite runs that way.
 */
public final class Arena implements AutoCloseable {

    /** Arenas kept per platform thread, or lent to a virtual thread for its outermost scope. */
    private static final Reusable<Arena> ARENAS = new Reusable<>(Arena::new);
    /** The arena of this thread's open scope (a platform thread's stays bound once made). */
    private static final ThreadLocal<Arena> BOUND = new ThreadLocal<>();
    private static final boolean POISON = Boolean.getBoolean("jgrad.arena.poison");
    /** Beyond this many distinct (dtype, length) classes the shapes vary too much to pool: start over. */
    private static final int MAX_SIZE_CLASSES = 512;

    private int depth;
    private int suspended;
    private final ArrayList<Storage> lent = new ArrayList<>();
    private final FreeLists<Storage> free = new FreeLists<>();
    private final ArrayList<int[]> lentInts = new ArrayList<>();
    private final FreeLists<int[]> freeInts = new FreeLists<>();

    private Arena() {
    }

    /** Opens a step scope on this thread (nested scopes join the outer one). */
    public static Arena open() {
        Arena a = BOUND.get();
        if (a == null) {
            a = ARENAS.take();
            BOUND.set(a);
        }
        a.depth++;
        return a;
    }

    /** Ends this scope; the outermost close makes every storage lent inside it free for the next step. */
    @Override
    public void close() {
        if (depth == 0) {
            throw new IllegalStateException("Arena.close(): no scope is open on this thread");
        }
        if (--depth > 0) {
            return;
        }
        free.dropUnused();
        for (int i = 0; i < lent.size(); i++) {
            Storage s = lent.get(i);
            if (POISON) {
                poison(s);
            }
            free.push(key(s.dtype(), s.length()), s);
        }
        lent.clear();
        freeInts.dropUnused();
        for (int i = 0; i < lentInts.size(); i++) {
            int[] a = lentInts.get(i);
            if (POISON) {
                Arrays.fill(a, Integer.MIN_VALUE);
            }
            freeInts.push(a.length, a);
        }
        lentInts.clear();
        if (free.classes() > MAX_SIZE_CLASSES) {
            free.clear();
        }
        if (freeInts.classes() > MAX_SIZE_CLASSES) {
            freeInts.clear();
        }
        if (Thread.currentThread().isVirtual() && suspended == 0) {
            BOUND.remove();
            ARENAS.give(this);
        }
    }

    /** Runs {@code make} with this thread's arena suspended: what it allocates outlives the step. */
    public static <T> T outside(Supplier<T> make) {
        Arena a = BOUND.get();
        if (a == null) {
            return make.get();
        }
        a.suspended++;
        try {
            return make.get();
        } finally {
            a.suspended--;
        }
    }

    /** Whether host allocations on this thread are lent by an open step scope now. */
    public static boolean isActive() {
        Arena a = BOUND.get();
        return a != null && a.depth > 0 && a.suspended == 0;
    }

    /** A zero-filled host storage: lent by the open scope if there is one, else a new one. */
    static Storage hostStorage(DType dtype, int length) {
        return lend(dtype, length, true);
    }

    /**
     * A host storage whose contents are unspecified (zeros when new, a past step's numbers when lent again),
     * for an output its kernel overwrites entirely: clearing a lent storage first would be a wasted pass.
     */
    static Storage hostStorageForOverwrite(DType dtype, int length) {
        return lend(dtype, length, false);
    }

    private static Storage lend(DType dtype, int length, boolean zeroed) {
        Arena a = BOUND.get();
        if (a == null || a.depth == 0 || a.suspended > 0) {
            return Storage.onHost(dtype, length);
        }
        Storage s = a.free.pop(key(dtype, length));
        if (s == null) {
            s = Storage.onHost(dtype, length);
        } else if (zeroed) {
            zero(s);
        }
        a.lent.add(s);
        return s;
    }

    /**
     * An int array of exactly {@code length} for ids that a step's graph keeps (a lookup's ids, saved for
     * its backward): lent by the open scope like a storage, else new. Its contents are left over from an
     * earlier step: the caller overwrites all of it.
     */
    public static int[] ints(int length) {
        Arena a = BOUND.get();
        if (a == null || a.depth == 0 || a.suspended > 0) {
            return new int[length];
        }
        int[] ints = a.freeInts.pop(length);
        if (ints == null) {
            ints = new int[length];
        }
        a.lentInts.add(ints);
        return ints;
    }

    private static long key(DType dtype, int length) {
        return ((long) length << 1) | (dtype == DType.F64 ? 1 : 0);
    }

    private static void zero(Storage s) {
        if (s instanceof Storage.F32 f) {
            Arrays.fill(f.a, 0f);
        } else {
            Arrays.fill(((Storage.F64) s).a, 0d);
        }
    }

    private static void poison(Storage s) {
        if (s instanceof Storage.F32 f) {
            Arrays.fill(f.a, Float.NaN);
        } else {
            Arrays.fill(((Storage.F64) s).a, Double.NaN);
        }
    }

    /**
     * Free buffers by a size key (storages: dtype and length; int arrays: length), in an open-addressing
     * table so that a lookup allocates nothing (a HashMap would box its long key).
     */
    private static final class FreeLists<T> {
        private long[] keys = new long[64];
        private ArrayDeque<T>[] lists = newLists(64);
        private int used;

        @SuppressWarnings("unchecked")
        private static <T> ArrayDeque<T>[] newLists(int n) {
            return (ArrayDeque<T>[]) new ArrayDeque[n];
        }

        T pop(long k) {
            ArrayDeque<T> list = lists[slot(k)];
            return list == null ? null : list.pollLast();
        }

        void push(long k, T s) {
            int i = slot(k);
            if (lists[i] == null) {
                lists[i] = new ArrayDeque<>();
                keys[i] = k;
                if (++used * 2 > keys.length) {
                    grow();
                    i = slot(k);
                }
            }
            lists[i].addLast(s);
        }

        int classes() {
            return used;
        }

        /**
         * Forgets the storages the step now ending did not take: a loop whose shapes change from step
         * to step (Poisson batches, padded sequences) would otherwise keep a step's worth of memory for
         * every shape it has seen. The pool then holds what the last step used, and no more.
         */
        void dropUnused() {
            for (ArrayDeque<T> list : lists) {
                if (list != null) {
                    list.clear();
                }
            }
        }

        void clear() {
            keys = new long[64];
            lists = newLists(64);
            used = 0;
        }

        /** The slot holding k, or the empty slot where it would go. */
        private int slot(long k) {
            int mask = keys.length - 1;
            int i = (int) (Long.hashCode(k * 0x9E3779B97F4A7C15L) & mask);
            while (lists[i] != null && keys[i] != k) {
                i = (i + 1) & mask;
            }
            return i;
        }

        private void grow() {
            long[] oldKeys = keys;
            ArrayDeque<T>[] oldLists = lists;
            keys = new long[oldKeys.length * 2];
            lists = newLists(oldKeys.length * 2);
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldLists[j] != null) {
                    int i = slot(oldKeys[j]);
                    keys[i] = oldKeys[j];
                    lists[i] = oldLists[j];
                }
            }
        }
    }
}
