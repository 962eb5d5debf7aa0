package jgrad.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jgrad.autograd.RowGrad;
import jgrad.tensor.Tensor;

/**
 * A model's parameters or gradients as one {@code float[]} per parameter, in the order of
 * {@code Module.parameters()}: what Spark ships between the driver and the partitions. Sums and weightings
 * are tensor operations, so their arithmetic runs in the backend like the rest of the engine's.
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

    /** a + b, element by element; a null side (a partition with no rows this step) adds nothing. */
    static float[][] sum(float[][] a, float[][] b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        float[][] out = new float[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = Tensor.of(a[i], a[i].length).add(Tensor.of(b[i], b[i].length)).toFloatArray();
        }
        return out;
    }

    static long count(float[][] a) {
        long n = 0;
        for (float[] x : a) {
            n += x.length;
        }
        return n;
    }
}
