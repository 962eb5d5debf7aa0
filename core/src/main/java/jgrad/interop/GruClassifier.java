package jgrad.interop;

import java.util.SplittableRandom;

import jgrad.backend.DType;
import jgrad.nn.Activation;
import jgrad.nn.Module;
import jgrad.nn.layers.Dense;
import jgrad.tensor.Tensor;

/**
 * A PyTorch-form GRU read by a linear layer on its last hidden state: for x [B, T, in],
 * y = W_fc h_T + b_fc [B, out], h_T from {@link ResetAfterGru}. Children {@code gru} and {@code fc}.
 */
public final class GruClassifier extends Module {

    private final ResetAfterGru gru;
    private final Dense fc;

    public GruClassifier(int in, int hidden, int out, DType dtype) {
        SplittableRandom start = new SplittableRandom(0);   // a starting point; loaded weights replace it
        this.gru = child("gru", new ResetAfterGru(in, hidden, dtype, start));
        this.fc = child("fc", new Dense(hidden, out, Activation.LINEAR, dtype, start));
    }

    public ResetAfterGru gru() {
        return gru;
    }

    public Dense fc() {
        return fc;
    }

    /** y = fc(h_T) [B, out]. */
    public Tensor forward(Tensor x) {
        return fc.forward(ResetAfterGru.last(gru.forward(x)));
    }
}
