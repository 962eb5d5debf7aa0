package jgrad.tensor;

import java.util.Arrays;

import jgrad.backend.DType;
import jgrad.backend.Device;
import jgrad.backend.Storage;

/**
 * The bodies of {@link Tensor}'s reads and writes of numbers from Java (get, set, item, the array copies),
 * documented there. They work on the host only: a tensor on another device must be copied to the host explicitly,
 * never silently.
 */
final class TensorElements {

    private TensorElements() {
    }

    static double get(Tensor t, int[] index) {
        requireHost(t, "get");
        return t.storage.get(position(t, index));
    }

    static void set(Tensor t, double value, int[] index) {
        requireHost(t, "set");
        t.storage.set(position(t, index), value);
    }

    static double item(Tensor t) {
        if (t.numel() != 1) {
            throw new IllegalStateException("item(): tensor of shape " + Shapes.format(t.shape)
                    + " has " + t.numel() + " elements, not 1");
        }
        requireHost(t, "item()");
        return t.storage.get(t.contiguous().offset);
    }

    static float[] toFloatArray(Tensor t) {
        requireHost(t, "toFloatArray()");
        Tensor c = t.contiguous().to(DType.F32);
        return Arrays.copyOfRange(((Storage.F32) c.storage).a, c.offset, c.offset + c.numel());
    }

    static void copyInto(Tensor t, double[] out) {
        requireHost(t, "copyInto()");
        if (out.length < t.numel()) {
            throw new IllegalArgumentException("copyInto: " + t.numel() + " elements do not fit in " + out.length);
        }
        Tensor c = t.contiguous();
        t.backend().convert(t.numel(), c.storage, c.offset, new Storage.F64(out), 0);
    }

    static double[] toDoubleArray(Tensor t) {
        requireHost(t, "toDoubleArray()");
        Tensor c = t.contiguous().to(DType.F64);
        return Arrays.copyOfRange(((Storage.F64) c.storage).a, c.offset, c.offset + c.numel());
    }

    /** Host reads and writes of a device tensor are an explicit transfer, never a silent one. */
    private static void requireHost(Tensor t, String what) {
        if (t.device() != Device.CPU) {
            throw new IllegalStateException(what + ": this " + Shapes.format(t.shape) + " tensor lives on the "
                    + t.device() + " device; copy it to the host first with to(Device.CPU)");
        }
    }

    /** The storage position of one element: the offset plus each index times its axis's stride, each index checked. */
    private static int position(Tensor t, int[] index) {
        if (index.length != t.shape.length) {
            throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " has " + index.length
                    + " coordinates, tensor has rank " + t.shape.length);
        }
        int p = t.offset;
        for (int d = 0; d < index.length; d++) {
            if (index[d] < 0 || index[d] >= t.shape[d]) {
                throw new IndexOutOfBoundsException("index " + index[d] + " is out of range for axis " + d
                        + " of size " + t.shape[d]);
            }
            p += index[d] * t.strides[d];
        }
        return p;
    }
}
