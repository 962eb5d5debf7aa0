package jgrad.interop;

import java.util.Map;
import java.util.random.RandomGenerator;

import jgrad.backend.DType;
import jgrad.nn.Module;
import jgrad.nn.Weights;
import jgrad.nn.init.Initializers;
import jgrad.tensor.Tensor;

/**
 * The gated recurrent unit in PyTorch's form ({@code torch.nn.GRU}; Keras's {@code reset_after=True}), for
 * each step t of x [B, T, in], from h_0 = 0:
 * <pre>
 *   r_t = σ(W_xr x_t + W_hr h_{t−1} + b_r)                        reset gate
 *   z_t = σ(W_xz x_t + W_hz h_{t−1} + b_z)                        update gate
 *   n_t = tanh(W_xn x_t + b_xn + r_t ⊙ (W_hn h_{t−1} + b_hn))     candidate
 *   h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t−1}
 * </pre>
 * W_x* [H, in], W_h* [H, H], biases [H]. The reset gate multiplies W_hn h + b_hn after the product, so b_hn
 * stays apart from b_xn; jgrad's {@link jgrad.nn.layers.Gru} is the other form, r applied to h before the
 * product, a different function. Returns every h_t [B, T, H]; computed as tensor ops step by step, with
 * gradients through every step.
 */
public final class ResetAfterGru extends Module {

    private final int in;
    private final int hidden;

    public ResetAfterGru(int in, int hidden, DType dtype, RandomGenerator rng) {
        if (in <= 0 || hidden <= 0) {
            throw new IllegalArgumentException("GRU: sizes must be positive, got in=" + in + ", H=" + hidden);
        }
        this.in = in;
        this.hidden = hidden;
        for (String g : new String[] {"r", "z", "n"}) {
            param("W_x" + g, Initializers.glorotUniform().create(rng, dtype, hidden, in));
            param("W_h" + g, Initializers.orthogonal().create(rng, dtype, hidden, hidden));
        }
        param("b_r", Tensor.zeros(dtype, hidden));
        param("b_z", Tensor.zeros(dtype, hidden));
        param("b_xn", Tensor.zeros(dtype, hidden));
        param("b_hn", Tensor.zeros(dtype, hidden));
    }

    public int hidden() {
        return hidden;
    }

    /** Every h_t [B, T, H] with this layer's weights. */
    public Tensor forward(Tensor x) {
        return forward(parameters(), x);
    }

    /** Every h_t [B, T, H] with the given weights (a gradient check passes its own). */
    public Tensor forward(Map<String, Tensor> weights, Tensor x) {
        if (x.rank() != 3 || x.shape(2) != in || x.shape(0) == 0 || x.shape(1) == 0) {
            throw new IllegalArgumentException("GRU: x must be [B, T, " + in + "] with B, T ≥ 1, got "
                    + jgrad.tensor.Shapes.format(x.shape()));
        }
        Weights w = new Weights("ResetAfterGru", weights);
        int batch = x.shape(0);
        int steps = x.shape(1);
        Tensor h = Tensor.zeros(x.device(), x.dtype(), batch, hidden);
        Tensor[] all = new Tensor[steps];
        for (int t = 0; t < steps; t++) {
            Tensor xt = x.narrow(1, t, 1).reshape(batch, in);
            Tensor r = affine(xt, w.get("W_xr", hidden, in), h, w.get("W_hr", hidden, hidden), w.get("b_r", hidden))
                    .sigmoid();
            Tensor z = affine(xt, w.get("W_xz", hidden, in), h, w.get("W_hz", hidden, hidden), w.get("b_z", hidden))
                    .sigmoid();
            Tensor hn = h.matmul(w.get("W_hn", hidden, hidden), false, true).add(w.get("b_hn", hidden));
            Tensor n = xt.matmul(w.get("W_xn", hidden, in), false, true).add(w.get("b_xn", hidden)).add(r.mul(hn))
                    .tanh();
            h = n.sub(z.mul(n)).add(z.mul(h));   // (1 − z) n + z h
            all[t] = h;
        }
        return Tensor.stack(1, all);
    }

    /** The last hidden state h_T [B, H] of a sequence of states [B, T, H]. */
    public static Tensor last(Tensor states) {
        int steps = states.shape(1);
        return states.narrow(1, steps - 1, 1).reshape(states.shape(0), states.shape(2));
    }

    private static Tensor affine(Tensor x, Tensor wx, Tensor h, Tensor wh, Tensor b) {
        return x.matmul(wx, false, true).add(h.matmul(wh, false, true)).add(b);
    }
}
