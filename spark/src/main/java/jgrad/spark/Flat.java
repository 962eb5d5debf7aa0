package jgrad.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jgrad.autograd.RowGrad;
import jgrad.backend.Backend;
import jgrad.backend.Backends;
import jgrad.backend.BinaryOp;
import jgrad.backend.Storage;
import jgrad.tensor.Tensor;

/**
 * A model's parameters or gradients as one {@code float[]} per parameter, in the order of
 * {@code Module.parameters()}: what Spark ships between the driver and the partitions. Sums and weightings
 * run in the backend like the rest of the engine's arithmetic (sums in place, on the arrays Spark handed over).
 */
final class Flat {

    private Flat() {
    }

    static float[][] values(Map<String, Tensor> params) {
        List<float[]> out = new ArrayList<>();
        params.values().forEach(p -> out.add(p.toFloatArray()));
        return out.toArray(float[][]::new);
    }

    static void setValues(Map<String, Tensor> params, float[][] values) {
        int i = 0;
        for (Tensor p : params.values()) {
            p.copyFrom(Tensor.of(values[i++], p.shape()));
        }
    }

    /**
     * The gradients left by a backward pass, dense: a row-sparse gradient (an embedding's) becomes its dense
     * form, zeros in rows not looked up, as the optimizer's exact step reads it. A parameter the loss did not
     * reach has a zero gradient.
     */
    static float[][] gradients(Map<String, Tensor> params) {
        List<float[]> out = new ArrayList<>();
        for (Tensor p : params.values()) {
            Tensor dense = p.grad();
            RowGrad rows = p.rowGrad();
            if (rows != null) {
                dense = dense == null ? rows.toDense(p.shape()) : dense.add(rows.toDense(p.shape()));
            }
            out.add(dense == null ? new float[Math.toIntExact(p.numel())] : dense.toFloatArray());
        }
        return out.toArray(float[][]::new);
    }

    /** Hands {@code grads} to the parameters as their gradients (after {@code zeroGrad}). */
    static void setGradients(Map<String, Tensor> params, float[][] grads) {
        int i = 0;
        for (Tensor p : params.values()) {
            p.accumulateGrad(Tensor.of(grads[i++], p.shape()), true);
        }
    }

    /** weight · a, each array through the backend. */
    static float[][] scaled(float[][] a, double weight) {
        float[][] out = new float[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = Tensor.of(a[i], a[i].length).mul(weight).toFloatArray();
        }
        return out;
    }

    /**
     * a + b, element by element, summed into {@code a}'s arrays (no new array on the aggregation path); a null
     * side (a partition with no rows this step, or a parameter without per-row data) adds nothing.
     */
    static float[][] addInto(float[][] a, float[][] b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        Backend backend = Backends.current();
        for (int i = 0; i < a.length; i++) {
            if (a[i] == null) {
                a[i] = b[i];
            } else if (b[i] != null) {
                Storage.F32 sum = new Storage.F32(a[i]);
                backend.binary(BinaryOp.ADD, a[i].length, sum, 0, 1, new Storage.F32(b[i]), 0, 1, sum, 0);
            }
        }
        return a;
    }

    /** Each parameter's rows times that row's share (a table of r rows and r shares); null where shares are null. */
    static float[][] scaledRows(float[][] values, float[][] rowShares) {
        float[][] out = new float[values.length][];
        for (int i = 0; i < values.length; i++) {
            if (rowShares[i] != null) {
                out[i] = asRows(values[i], rowShares[i].length).mul(column(rowShares[i])).toFloatArray();
            }
        }
        return out;
    }

    /**
     * Row by row, rowValues / rowShares where the share is positive and {@code values} where it is 0 (no
     * partition looked the row up).
     */
    static float[] rowAverage(float[] values, float[] rowValues, float[] rowShares) {
        int rows = rowShares.length;
        Tensor shares = column(rowShares);
        Tensor average = asRows(rowValues, rows).div(shares.clamp(Float.MIN_NORMAL, Float.MAX_VALUE));
        return Tensor.where(shares, average, asRows(values, rows)).toFloatArray();
    }

    private static Tensor asRows(float[] a, int rows) {
        return Tensor.of(a, rows, a.length / rows);
    }

    private static Tensor column(float[] a) {
        return Tensor.of(a, a.length, 1);
    }

    static long count(float[][] a) {
        long n = 0;
        for (float[] x : a) {
            n += x.length;
        }
        return n;
    }
}
