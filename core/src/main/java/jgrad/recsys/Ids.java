package jgrad.recsys;

import jgrad.backend.Device;
import jgrad.tensor.Tensor;

/**
 * Dense ids carried by tensors of whole numbers, checked against the size of their table. A refused id is named by
 * its position and the valid range, never by its value: user ids identify people.
 */
final class Ids {

    private Ids() {
    }

    /** The ids held by {@code t} (any shape, flattened); each must be a whole number in [0, size). */
    static int[] of(String what, Tensor t, int size) {
        double[] v = t.to(Device.CPU).toDoubleArray();   // ids steer the gather from the host
        int[] ids = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != Math.rint(v[i])) {
                throw new IllegalArgumentException("the " + what + " id at position " + i + " is not a whole number");
            }
            ids[i] = check(what, (int) v[i], i, size);
        }
        return ids;
    }

    static int[] check(String what, int[] ids, int size) {
        for (int i = 0; i < ids.length; i++) {
            check(what, ids[i], i, size);
        }
        return ids;
    }

    /** One id (a query's user): the range, not the value. */
    static int check(String what, int id, int size) {
        if (id < 0 || id >= size) {
            throw new IllegalArgumentException("the " + what + " id is outside the table of " + size + " " + what
                    + "s [0, " + size + ")");
        }
        return id;
    }

    static int check(String what, int id, int position, int size) {
        if (id < 0 || id >= size) {
            throw new IllegalArgumentException("the " + what + " id at position " + position + " is outside the table of "
                    + size + " " + what + "s [0, " + size + ")");
        }
        return id;
    }

    /** A tensor [n] of the ids, in F32 (exact for ids below 2²⁴). */
    static Tensor tensor(int[] ids) {
        float[] f = new float[ids.length];
        for (int i = 0; i < ids.length; i++) {
            f[i] = ids[i];
        }
        return Tensor.of(f, ids.length);
    }
}
