package jgrad.interop;

import java.util.SplittableRandom;

import jgrad.backend.DType;
import jgrad.nn.Activation;
import jgrad.nn.Module;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Lstm;
import jgrad.tensor.Tensor;

/**
 * An LSTM read by a linear layer on its last hidden state, the common PyTorch sequence classifier
 * ({@code fc(lstm(x)[1][0])}): for x [B, T, in], y = W_fc h_T + b_fc [B, out], with h_T the
 * {@link Lstm}'s last hidden state from h_0 = c_0 = 0. Children {@code lstm} and {@code fc}.
 */
public final class LstmClassifier extends Module {

    private final Lstm lstm;
    private final Dense fc;

    public LstmClassifier(int in, int hidden, int out, DType dtype) {
        SplittableRandom start = new SplittableRandom(0);   // a starting point; loaded weights replace it
        this.lstm = child("lstm", new Lstm(in, hidden, true, dtype, start));
        this.fc = child("fc", new Dense(hidden, out, Activation.LINEAR, dtype, start));
    }

    public Lstm lstm() {
        return lstm;
    }

    public Dense fc() {
        return fc;
    }

    /** Every h_t and c_t [B, T, H] from h_0 = c_0 = 0. */
    public Lstm.Output states(Tensor x) {
        Tensor zero = Tensor.zeros(x.device(), x.dtype(), x.shape(0), lstm.parameters().get("b_f").shape(0));
        return lstm.forward(x, zero, zero);
    }

    /** y = fc(h_T) [B, out]. */
    public Tensor forward(Tensor x) {
        return fc.forward(states(x).lastH());
    }
}
