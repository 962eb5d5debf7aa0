package jgrad.tensor;

import java.util.Arrays;

/**
 * One shared, never-changing array per distinct shape (and per distinct strides): tensors of equal shape hold the
 * same shape array, and row-major tensors the same strides array, so that an op's output costs no shape arrays.
 * The arrays are found by their contents without allocating, which a {@code HashMap<List<Integer>, …>} could not do.
 *
 * <p>Why it is safe to share: a tensor never writes its shape or strides, and every accessor that hands them out
 * ({@link Tensor#shape()}, {@link Tensor#strides()}) hands out a copy. Interned arrays are kept for the life of the
 * JVM; past {@link #MAX_ENTRIES} distinct arrays (a program that sees ever new shapes) a lookup that misses returns
 * a private copy instead of growing the table further, so memory stays bounded and answers stay right.
 *
 * <p>Reads take no lock: an entry is immutable (final fields, so its array is safely published with it) and a
 * reader that misses an entry being added falls back to the locked insert, which looks again.
 */
final class ShapeTable {

    /** Enough for every shape of a large program; beyond it, arrays are copied instead of shared. */
    static final int MAX_ENTRIES = 1 << 14;

    /** A shared array, the hash of its contents, and (for a shape) its row-major strides, made on first use. */
    private static final class Entry {
        final int[] values;
        final int hash;
        volatile int[] rowMajorStrides;

        Entry(int[] values, int hash) {
            this.values = values;
            this.hash = hash;
        }
    }

    private static volatile Entry[] table = new Entry[1024];
    private static int count;

    private ShapeTable() {
    }

    /** The shared array equal to {@code values} (which is not kept: the first one of its contents is copied). */
    static int[] intern(int[] values) {
        return entry(values).values;
    }

    /** The shared row-major strides of {@code shape} (any array equal to it). */
    static int[] rowMajorStrides(int[] shape) {
        Entry e = entry(shape);
        int[] strides = e.rowMajorStrides;
        if (strides == null) {
            strides = intern(Shapes.contiguousStrides(shape));
            e.rowMajorStrides = strides;    // racing threads store the same shared array
        }
        return strides;
    }

    /**
     * The shared shape of rank 0, 1 or 2 with these sizes ({@code d0}, {@code d1} where the rank has them), found
     * without the array a caller would make to ask: a scalar, vector or matrix output costs no shape array at all.
     */
    static int[] ofRank(int rank, int d0, int d1) {
        int h = rank;
        h = rank > 0 ? 31 * h + d0 : h;
        h = rank > 1 ? 31 * h + d1 : h;
        h = mix(h);
        Entry[] t = table;
        int mask = t.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            Entry e = t[i];
            if (e == null) {
                return intern(rank == 0 ? new int[0] : rank == 1 ? new int[] {d0} : new int[] {d0, d1});
            }
            int[] v = e.values;
            if (e.hash == h && v.length == rank && (rank < 1 || v[0] == d0) && (rank < 2 || v[1] == d1)) {
                return v;
            }
        }
    }

    private static Entry entry(int[] values) {
        int h = hash(values);
        Entry[] t = table;
        int mask = t.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            Entry e = t[i];
            if (e == null) {
                return insert(values, h);
            }
            if (e.hash == h && Arrays.equals(e.values, values)) {
                return e;
            }
        }
    }

    private static synchronized Entry insert(int[] values, int h) {
        Entry[] t = table;
        int mask = t.length - 1;
        int i = h & mask;
        for (; t[i] != null; i = (i + 1) & mask) {
            if (t[i].hash == h && Arrays.equals(t[i].values, values)) {
                return t[i];
            }
        }
        Entry e = new Entry(values.clone(), h);
        if (count >= MAX_ENTRIES) {
            return e;                       // not shared: the table stays bounded
        }
        if (2 * (count + 1) > t.length) {
            table = grown(t, e);
        } else {
            t[i] = e;
        }
        count++;
        return e;
    }

    /** A table twice as large holding t's entries and e, published whole by the volatile write. */
    private static Entry[] grown(Entry[] t, Entry e) {
        Entry[] bigger = new Entry[2 * t.length];
        for (Entry old : t) {
            if (old != null) {
                place(bigger, old);
            }
        }
        place(bigger, e);
        return bigger;
    }

    private static void place(Entry[] t, Entry e) {
        int mask = t.length - 1;
        int i = e.hash & mask;
        while (t[i] != null) {
            i = (i + 1) & mask;
        }
        t[i] = e;
    }

    private static int hash(int[] values) {
        int h = values.length;
        for (int v : values) {
            h = 31 * h + v;
        }
        return mix(h);
    }

    /** Spreads the bits of a polynomial hash, whose low bits alone would crowd small shapes together. */
    private static int mix(int h) {
        return h ^ (h >>> 15) * 0x2C1B3C6D;
    }
}
