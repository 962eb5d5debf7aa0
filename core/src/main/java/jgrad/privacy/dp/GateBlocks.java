package jgrad.privacy.dp;

import java.util.IdentityHashMap;
import java.util.Map;

import jgrad.tensor.Tensor;

/**
 * Gates that read the same input a_t = [x_t; h; 1] (a recurrent layer's gates): their weights stacked by rows are one
 * shared weight [Σ H_g, in + H + 1], whose per-example gradient is Σ_t δ_t a_tᵀ with δ_t the gates' pre-activation
 * gradients side by side. This cuts the stacked clipped sum back into each gate's W_x, W_h and b.
 */
final class GateBlocks {

    private final Tensor[][] params;    // [gate][W_x, W_h, b]
    private final int in;
    private final int hidden;

    /** @param params per gate, its input weight [H, in], recurrent weight [H, H] and bias [H] */
    GateBlocks(Tensor[][] params, int in, int hidden) {
        this.params = params;
        this.in = in;
        this.hidden = hidden;
    }

    /** The stacked input weights [gates·H, in] or recurrent weights [gates·H, H] (column 0 or 1), detached. */
    Tensor stacked(int column) {
        Tensor[] parts = new Tensor[params.length];
        for (int g = 0; g < parts.length; g++) {
            parts[g] = params[g][column].detach();
        }
        return parts.length == 1 ? parts[0] : Tensor.concat(0, parts);
    }

    /** The stacked biases [gates·H], detached. */
    Tensor stackedBias() {
        Tensor[] parts = new Tensor[params.length];
        for (int g = 0; g < parts.length; g++) {
            parts[g] = params[g][2].detach();
        }
        return parts.length == 1 ? parts[0] : Tensor.concat(0, parts);
    }

    /** Each gate's W_x, W_h and b from the stacked sum [gates·H, in + H + 1]. */
    Map<Tensor, Tensor> split(Tensor stackedSum) {
        int[] rows = new int[params.length];
        java.util.Arrays.fill(rows, hidden);
        Tensor[] gates = params.length == 1 ? new Tensor[] {stackedSum} : stackedSum.split(0, rows);
        Map<Tensor, Tensor> out = new IdentityHashMap<>();
        for (int g = 0; g < params.length; g++) {
            Tensor[] columns = gates[g].split(1, in, hidden, 1);
            out.put(params[g][0], columns[0]);
            out.put(params[g][1], columns[1]);
            out.put(params[g][2], columns[2].reshape(hidden));
        }
        return out;
    }
}
