package jgrad.backend;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
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
 * <p>Shapes may change from step to step (sequences cut to their batch's longest, Poisson batches): a
 * request with no free storage of its exact length takes the shortest free one up to twice as long, and
 * the tensor uses its first elements (so a step after a longer one allocates nothing). A storage that
 * no step took in the last two is forgotten, so the pool holds about the largest recent step and does
 * not pile up a step's worth of memory for every shape it has seen.
 *
 * <p>The graph's objects follow the same rule (a {@link Kind} of object each): the tensor objects that ops make in
 * the scope, their op records (with a rule that reads its record instead of capturing, see
 * {@code jgrad.autograd.OpRecord}) and row gradients are lent by the scope and taken back at its outermost close, so
 * that a steady step makes almost no objects at all (shapes are shared, see {@code jgrad.tensor.ShapeTable}).
 * Parameters, leaves and anything made with no scope open, or {@link #outside} it, are never taken back. A tensor,
 * record or row gradient used after its scope fails with an error that says so, until a later step lends the object
 * again (then, like a storage, it holds that step's values).
 *
 * <p>With {@code -Djgrad.arena.poison=true} every storage handed back is filled with NaN, so that a
 * tensor read after its scope shows at once, and every new storage is made a few elements longer than
 * asked, so that code taking a storage's length for a tensor's shows too; the test suite runs that way.
 */
public final class Arena implements AutoCloseable {

    /** Arenas kept per platform thread, or lent to a virtual thread for its outermost scope. */
    private static final Reusable<Arena> ARENAS = new Reusable<>(Arena::new);
    /** The arena of this thread's open scope (a platform thread's stays bound once made). */
    private static final ThreadLocal<Arena> BOUND = new ThreadLocal<>();
    private static final boolean POISON = Settings.flag("arena.poison", false);
    /** Beyond this many (dtype, length) classes, empty ones are dropped from the table. */
    private static final int MAX_SIZE_CLASSES = 512;
    /** A request takes a free storage up to this many times its length when none has its exact length. */
    private static final int MAX_SLACK = 2;
    /** Under poison, new storages are this much longer than asked (an odd number, off any vector width). */
    private static final int POISON_EXTRA = 3;

    private int depth;
    private int suspended;
    /** Outermost scopes closed so far: the clock by which untaken storages age. */
    private long steps;
    private final ArrayList<Storage> lent = new ArrayList<>();
    private final FreeLists<Storage> free = new FreeLists<>();
    private final ArrayList<int[]> lentInts = new ArrayList<>();
    private final FreeLists<int[]> freeInts = new FreeLists<>();
    /** This arena's pool of each {@link Kind} of graph object, by the kind's index (grown as kinds appear). */
    private ObjectPool[] pools = new ObjectPool[0];

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
        free.dropUntakenBefore(steps - 1);
        for (int i = 0; i < lent.size(); i++) {
            Storage s = lent.get(i);
            if (POISON) {
                poison(s);
            }
            free.push(key(s.dtype(), s.length()), s, steps);
        }
        lent.clear();
        freeInts.dropUntakenBefore(steps - 1);
        for (int i = 0; i < lentInts.size(); i++) {
            int[] a = lentInts.get(i);
            if (POISON) {
                Arrays.fill(a, Integer.MIN_VALUE);
            }
            freeInts.push(a.length, a, steps);
        }
        lentInts.clear();
        for (ObjectPool pool : pools) {
            if (pool != null) {
                pool.takeAllBack(POISON);
            }
        }
        free.compactIfLarge();
        freeInts.compactIfLarge();
        steps++;
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
        Storage s = a.free.pop(key(dtype, length), a.steps);
        if (s == null) {
            s = a.free.popLonger(key(dtype, length), key(dtype, MAX_SLACK * (long) length), a.steps);
        }
        if (s == null) {
            s = Storage.onHost(dtype, POISON ? length + POISON_EXTRA : length);
        } else if (zeroed) {
            zero(s, length);
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
        int[] ints = a.freeInts.pop(length, a.steps);
        if (ints == null) {
            ints = new int[length];
        }
        a.lentInts.add(ints);
        return ints;
    }

    /**
     * A kind of small object that a step makes per op (tensor shells, op records), recycled the way storages are:
     * an object lent by a scope ({@link #lend}) is taken back at the outermost close and lent again by the next
     * step. Made once per kind, as a constant of the class whose objects it lends.
     *
     * @param make    a new, blank object
     * @param recycle clears an object taken back, so that it holds on to nothing of its step; with {@code poison}
     *                ({@code -Djgrad.arena.poison=true}) it also marks the object dead, so that code still holding it
     *                after its scope gets a clear error instead of the next step's values
     */
    public record Kind<T>(int index, Supplier<T> make, BiConsumer<T, Boolean> recycle) {

        private static final AtomicInteger KINDS = new AtomicInteger();

        public static <T> Kind<T> of(Supplier<T> make, BiConsumer<T, Boolean> recycle) {
            return new Kind<>(KINDS.getAndIncrement(), make, recycle);
        }
    }

    /**
     * An object of {@code kind}: lent by this thread's open scope (and taken back at its outermost close), or, with no
     * scope open or inside {@link #outside}, a new one that nothing takes back. The caller sets all of its state.
     */
    public static <T> T lend(Kind<T> kind) {
        Arena a = BOUND.get();
        if (a == null || a.depth == 0 || a.suspended > 0) {
            return kind.make().get();
        }
        return a.pool(kind).lend();
    }

    @SuppressWarnings("unchecked")
    private <T> ObjectPool<T> pool(Kind<T> kind) {
        int i = kind.index();
        if (i >= pools.length) {
            pools = Arrays.copyOf(pools, Math.max(i + 1, 2 * pools.length));
        }
        if (pools[i] == null) {
            pools[i] = new ObjectPool<>(kind);
        }
        return pools[i];
    }

    /**
     * The objects of one kind that this arena made: the first {@code lent} are out in the open scope, the rest free.
     * Lending and taking back are a counter's moves, so the pool itself allocates nothing in a steady state. It keeps
     * as many objects as the largest step used, up to {@link #MAX_POOLED}; beyond that, objects are new and left to
     * the garbage collector.
     */
    private static final class ObjectPool<T> {
        private static final int MAX_POOLED = 1 << 16;

        private final Kind<T> kind;
        private Object[] objects = new Object[16];
        private int made;
        private int lent;

        ObjectPool(Kind<T> kind) {
            this.kind = kind;
        }

        @SuppressWarnings("unchecked")
        T lend() {
            if (lent < made) {
                return (T) objects[lent++];
            }
            T t = kind.make().get();
            if (made == MAX_POOLED) {
                return t;
            }
            if (made == objects.length) {
                objects = Arrays.copyOf(objects, 2 * made);
            }
            objects[made++] = t;
            lent = made;
            return t;
        }

        @SuppressWarnings("unchecked")
        void takeAllBack(boolean poison) {
            for (int i = 0; i < lent; i++) {
                kind.recycle().accept((T) objects[i], poison);
            }
            lent = 0;
        }
    }

    /** Ordered by length, then dtype: the keys of one dtype that are at least a length follow its own. */
    private static long key(DType dtype, long length) {
        return (length << 1) | (dtype == DType.F64 ? 1 : 0);
    }

    /** Clears what a tensor of {@code length} elements will read: the rest of a longer storage stays unused. */
    private static void zero(Storage s, int length) {
        if (s instanceof Storage.F32 f) {
            Arrays.fill(f.a, 0, length, 0f);
        } else {
            Arrays.fill(((Storage.F64) s).a, 0, length, 0d);
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
     * Free buffers by a size key (storages: length and dtype; int arrays: length), in an open-addressing
     * table so that a lookup allocates nothing (a HashMap would box its long key), with the keys also kept
     * in order for {@link #popLonger}, and for each key the step that last took or returned one of its buffers.
     */
    private static final class FreeLists<T> {
        private long[] keys = new long[64];
        private long[] lastUsed = new long[64];
        private ArrayDeque<T>[] lists = newLists(64);
        private int used;
        private long[] ordered = new long[64];

        @SuppressWarnings("unchecked")
        private static <T> ArrayDeque<T>[] newLists(int n) {
            return (ArrayDeque<T>[]) new ArrayDeque[n];
        }

        T pop(long k, long step) {
            int i = slot(k);
            return lists[i] == null ? null : take(i, step);
        }

        /** A buffer of the shortest key above k and at most {@code most} (same dtype bit), or null. */
        T popLonger(long k, long most, long step) {
            int from = java.util.Arrays.binarySearch(ordered, 0, used, k + 1);
            for (int j = from < 0 ? -from - 1 : from; j < used && ordered[j] <= most; j++) {
                if ((ordered[j] & 1) == (k & 1)) {
                    int i = slot(ordered[j]);
                    if (!lists[i].isEmpty()) {
                        return take(i, step);
                    }
                }
            }
            return null;
        }

        private T take(int i, long step) {
            T t = lists[i].pollLast();
            if (t != null) {
                lastUsed[i] = step;
            }
            return t;
        }

        void push(long k, T s, long step) {
            int i = slot(k);
            if (lists[i] == null) {
                lists[i] = new ArrayDeque<>();
                keys[i] = k;
                insertOrdered(k);
                if (++used * 2 > keys.length) {
                    grow();
                    i = slot(k);
                }
            }
            lists[i].addLast(s);
            lastUsed[i] = step;
        }

        /** Forgets the buffers of every key that no step since {@code step} took or returned. */
        void dropUntakenBefore(long step) {
            for (int i = 0; i < lists.length; i++) {
                if (lists[i] != null && lastUsed[i] < step) {
                    lists[i].clear();
                }
            }
        }

        /** Past {@link #MAX_SIZE_CLASSES} keys, keeps only those with buffers, so lookups stay short. */
        void compactIfLarge() {
            if (used <= MAX_SIZE_CLASSES) {
                return;
            }
            long[] oldKeys = keys;
            long[] oldUsed = lastUsed;
            ArrayDeque<T>[] oldLists = lists;
            rebuild(oldKeys.length);
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldLists[j] != null && !oldLists[j].isEmpty()) {
                    put(oldKeys[j], oldLists[j], oldUsed[j]);
                }
            }
        }

        private void insertOrdered(long k) {
            if (used == ordered.length) {
                ordered = java.util.Arrays.copyOf(ordered, used * 2);
            }
            int at = -java.util.Arrays.binarySearch(ordered, 0, used, k) - 1;
            System.arraycopy(ordered, at, ordered, at + 1, used - at);
            ordered[at] = k;
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
            long[] oldUsed = lastUsed;
            ArrayDeque<T>[] oldLists = lists;
            rebuild(oldKeys.length * 2);
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldLists[j] != null) {
                    put(oldKeys[j], oldLists[j], oldUsed[j]);
                }
            }
        }

        private void rebuild(int capacity) {
            keys = new long[capacity];
            lastUsed = new long[capacity];
            lists = newLists(capacity);
            used = 0;
        }

        private void put(long k, ArrayDeque<T> list, long step) {
            int i = slot(k);
            keys[i] = k;
            lists[i] = list;
            lastUsed[i] = step;
            insertOrdered(k);
            used++;
        }
    }
}
