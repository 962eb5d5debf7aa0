package jgrad.tensor;

import java.util.Arrays;

/** Arithmetic on shapes and strides: element counts, row-major strides, broadcasting, axis checks. */
public final class Shapes {

    private Shapes() {
    }

    /** Checks that a shape and its strides have one entry per axis each. */
    static void checkRanks(int[] shape, int[] strides) {
        if (shape.length != strides.length) {
            throw new IllegalArgumentException("shape " + format(shape) + " and strides "
                    + Arrays.toString(strides) + " differ in rank");
        }
    }

    /** True when the elements lie in row-major order without gaps (axes of size 1 may have any stride). */
    static boolean isContiguous(int[] shape, int[] strides) {
        int expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && strides[d] != expected) {
                return false;
            }
            expected *= shape[d];
        }
        return true;
    }

    /** Whether the strides are exactly those of a row-major layout of the shape (size-1 axes included). */
    static boolean hasRowMajorStrides(int[] shape, int[] strides) {
        int expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (strides[d] != expected) {
                return false;
            }
            expected *= Math.max(shape[d], 1);
        }
        return true;
    }

    /** The number of elements of a shape; checks that no dimension is negative and that it fits an int. */
    public static int numel(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + format(shape));
            }
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape " + format(shape) + " has more than 2^31-1 elements");
            }
        }
        return (int) n;
    }

    /** {@link #numel(int[])} of the shape [rows, cols], without the array. */
    public static int numel(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative dimension in shape [" + rows + ", " + cols + "]");
        }
        long n = (long) rows * cols;
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape [" + rows + ", " + cols + "] has more than 2^31-1 elements");
        }
        return (int) n;
    }

    /** The shared, never-written shape [n] ({@link ShapeTable}): for kernels that take a shape array, without making one. */
    public static int[] vector(int n) {
        return ShapeTable.ofRank(1, n, 0);
    }

    /** Row-major strides: the last axis moves by 1. */
    public static int[] contiguousStrides(int[] shape) {
        int[] strides = new int[shape.length];
        int s = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            strides[d] = s;
            s *= Math.max(shape[d], 1);
        }
        return strides;
    }

    /** NumPy broadcasting: align on the right; each pair of sizes is equal or one of them is 1. */
    public static int[] broadcast(String op, int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + format(a) + " and " + format(b)
                        + " cannot be broadcast (axis " + i + ": " + da + " vs " + db + ")");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** Turns a possibly negative axis into [0, rank), or explains why it is out of range. */
    public static int axis(String op, int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of range for rank " + rank);
        }
        return a;
    }

    /**
     * True when a view of this shape and these strides reads one stored number everywhere (every axis
     * longer than 1 has stride 0), as the expanded gradient of a sum does.
     */
    public static boolean isConstant(int[] shape, int[] strides) {
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] != 1 && strides[d] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Product of the dimensions in [from, to). */
    public static int product(int[] shape, int from, int to) {
        int p = 1;
        for (int i = from; i < to; i++) {
            p *= shape[i];
        }
        return p;
    }

    public static String format(int[] shape) {
        return Arrays.toString(shape);
    }
}
