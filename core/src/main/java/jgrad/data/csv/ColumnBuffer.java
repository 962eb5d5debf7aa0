package jgrad.data.csv;

import java.util.Arrays;
import java.util.BitSet;

/** A growable typed column being filled row by row; missing values are marked in a bit set. */
final class ColumnBuffer {

    private final ColumnType type;
    private final BitSet missing = new BitSet();
    private int size;
    private long[] longs = new long[0];
    private double[] doubles = new double[0];
    private String[] strings = new String[0];

    ColumnBuffer(ColumnType type) {
        this.type = type;
    }

    /** Appends a parsed value: numbers and booleans in {@code number}, text in {@code text}. */
    void add(boolean isMissing, double number, long integer, String text) {
        ensureCapacity(size + 1);
        if (isMissing) {
            missing.set(size);
        }
        switch (type) {
            case INT, LONG, BOOLEAN -> longs[size] = integer;
            case DOUBLE -> doubles[size] = isMissing ? Double.NaN : number;
            case STRING -> strings[size] = isMissing ? null : text;
        }
        size++;
    }

    private void ensureCapacity(int needed) {
        int capacity = switch (type) {
            case INT, LONG, BOOLEAN -> longs.length;
            case DOUBLE -> doubles.length;
            case STRING -> strings.length;
        };
        if (needed <= capacity) {
            return;
        }
        int grown = Math.max(16, Math.max(needed, capacity + (capacity >> 1)));
        switch (type) {
            case INT, LONG, BOOLEAN -> longs = Arrays.copyOf(longs, grown);
            case DOUBLE -> doubles = Arrays.copyOf(doubles, grown);
            case STRING -> strings = Arrays.copyOf(strings, grown);
        }
    }

    /** The finished column as {@code int[]}, {@code long[]}, {@code double[]}, {@code String[]} or {@code boolean[]}. */
    Object values() {
        return switch (type) {
            case INT -> {
                int[] out = new int[size];
                for (int i = 0; i < size; i++) {
                    out[i] = (int) longs[i];
                }
                yield out;
            }
            case LONG -> Arrays.copyOf(longs, size);
            case DOUBLE -> Arrays.copyOf(doubles, size);
            case STRING -> Arrays.copyOf(strings, size);
            case BOOLEAN -> {
                boolean[] out = new boolean[size];
                for (int i = 0; i < size; i++) {
                    out[i] = longs[i] != 0;
                }
                yield out;
            }
        };
    }

    BitSet missing() {
        return (BitSet) missing.clone();
    }
}
