package jgrad.tensor;

import static jgrad.tensor.TensorShells.contiguousShell;
import static jgrad.tensor.TensorShells.shell;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import jgrad.backend.DType;
import jgrad.backend.Device;
import jgrad.backend.Storage;

/**
 * The bodies of {@link Tensor}'s static factories (zeros, full, of, randn, ...), documented there. A new tensor's
 * shape is interned ({@link ShapeTable}); its object is lent by the open {@link jgrad.backend.Arena} scope when
 * its storage comes from the backend, and its own otherwise (wrapped arrays and copies made for the caller).
 */
final class TensorFactory {

    private TensorFactory() {
    }

    static Tensor zeros(Device device, DType dtype, int... shape) {
        return contiguousShell(device.backend().allocate(dtype, Shapes.numel(shape)), ShapeTable.intern(shape));
    }

    static Tensor zeros(Device device, DType dtype) {
        return contiguousShell(device.backend().allocate(dtype, 1), ShapeTable.ofRank(0, 0, 0));
    }

    static Tensor zeros(Device device, DType dtype, int length) {
        return contiguousShell(device.backend().allocate(dtype, Shapes.numel(length, 1)), ShapeTable.ofRank(1, length, 0));
    }

    static Tensor zeros(Device device, DType dtype, int rows, int cols) {
        return contiguousShell(device.backend().allocate(dtype, Shapes.numel(rows, cols)), ShapeTable.ofRank(2, rows, cols));
    }

    static Tensor forOverwrite(Device device, DType dtype, int... shape) {
        return contiguousShell(device.backend().allocateForOverwrite(dtype, Shapes.numel(shape)), ShapeTable.intern(shape));
    }

    static Tensor forOverwrite(Device device, DType dtype, int length) {
        return contiguousShell(device.backend().allocateForOverwrite(dtype, Shapes.numel(length, 1)),
                ShapeTable.ofRank(1, length, 0));
    }

    static Tensor forOverwrite(Device device, DType dtype, int rows, int cols) {
        return contiguousShell(device.backend().allocateForOverwrite(dtype, Shapes.numel(rows, cols)),
                ShapeTable.ofRank(2, rows, cols));
    }

    static Tensor forOverwriteLike(Tensor like) {
        return shellLike(like, like.backend().allocateForOverwrite(like.dtype(), like.numel()));
    }

    static Tensor zerosLike(Tensor like) {
        return shellLike(like, like.backend().allocate(like.dtype(), like.numel()));
    }

    /** A tensor over {@code storage} with like's shape array, and like's strides when they are row-major. */
    private static Tensor shellLike(Tensor like, Storage storage) {
        int[] strides = Shapes.hasRowMajorStrides(like.shape, like.strides) ? like.strides
                : ShapeTable.rowMajorStrides(like.shape);
        return shell(storage, 0, like.shape, strides);
    }

    static Tensor full(Device device, DType dtype, double value, int... shape) {
        Tensor t = zeros(device, dtype, shape);
        t.backend().fill(t.numel(), t.storage, 0, value);
        return t;
    }

    static Tensor full(Device device, DType dtype, double value, int length) {
        Tensor t = zeros(device, dtype, length);
        t.backend().fill(t.numel(), t.storage, 0, value);
        return t;
    }

    static Tensor arange(DType dtype, int n) {
        double[] values = new double[n];
        Arrays.setAll(values, i -> i);
        return of(values, n).to(dtype);
    }

    static Tensor of(float[] data, int... shape) {
        checkLength(data.length, shape);
        return new Tensor(new Storage.F32(data.clone()), shape);
    }

    static Tensor of(double[] data, int... shape) {
        checkLength(data.length, shape);
        return new Tensor(new Storage.F64(data.clone()), shape);
    }

    static Tensor of(float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] data = new float[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values, row 0 has " + cols);
            }
            System.arraycopy(rows[r], 0, data, r * cols, cols);
        }
        return new Tensor(new Storage.F32(data), new int[] {rows.length, cols});
    }

    static Tensor randn(RandomGenerator rng, DType dtype, double mean, double std, int... shape) {
        double[] values = new double[Shapes.numel(shape)];
        Arrays.setAll(values, i -> mean + std * rng.nextGaussian());
        return of(values, shape).to(dtype);
    }

    static Tensor rand(RandomGenerator rng, DType dtype, double lo, double hi, int... shape) {
        double[] values = new double[Shapes.numel(shape)];
        Arrays.setAll(values, i -> lo + (hi - lo) * rng.nextDouble());
        return of(values, shape).to(dtype);
    }

    private static void checkLength(int length, int[] shape) {
        if (length != Shapes.numel(shape)) {
            throw new IllegalArgumentException(length + " values cannot fill shape " + Shapes.format(shape)
                    + " (" + Shapes.numel(shape) + " elements)");
        }
    }
}
