package jgrad.data.idx;

import java.util.Arrays;

/**
 * An unsigned-byte array read from an IDX file: its dimensions and its values, row-major.
 * Values are stored as Java bytes: read them with {@link #get(int)} or {@code b & 0xFF}.
 */
public record IdxArray(int[] shape, byte[] data) {

    public IdxArray {
        shape = shape.clone();
        long size = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            size *= d;
        }
        if (size != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + size
                    + " values, data has " + data.length);
        }
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** The value at flat index {@code i}, 0 to 255. */
    public int get(int i) {
        return data[i] & 0xFF;
    }
}
