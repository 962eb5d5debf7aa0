package jgrad.profile;

import java.util.Map;
import java.util.random.RandomGenerator;

import jgrad.nn.Weights;
import jgrad.backend.DType;
import jgrad.nn.Activation;
import jgrad.nn.Module;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Dropout;
import jgrad.nn.loss.Losses;
import jgrad.tensor.Tensor;

/**
 * A dense autoencoder (Hinton and Salakhutdinov, Science 313, 2006): an encoder of ReLU layers down to a
 * linear bottleneck, z = W_z h + b_z, and a mirrored decoder of ReLU layers up to a linear reconstruction
 * x̂ = W_o h' + b_o, trained to minimize the mean squared error (1/(n d)) Σ ‖x̂ − x‖². The denoising variant
 * (Vincent et al., ICML 2008) encodes a corrupted input x̃ = m ⊙ x / (1 − p), m_i ~ Bernoulli(1 − p) drawn by
 * Philox on the device ({@link Dropout}), and is still asked for the clean x; corruption is off in eval mode.
 * The layers are registered as "enc0", "enc1", …, "code", "dec0", …, "out" (weights "enc0.W", "enc0.b", …).
 */
public final class Autoencoder extends Module {

    private final Dense[] encoder;
    private final Dense[] decoder;
    private final String[] encoderNames;
    private final String[] decoderNames;
    private final Dropout corruption;
    private final int inputs;

    /**
     * @param hidden the encoder's hidden widths, outermost first (the decoder mirrors them); may be empty
     * @param corruption the denoising rate p in [0, 1); 0 makes a plain autoencoder
     */
    public Autoencoder(int inputs, int[] hidden, int code, double corruption, DType dtype, RandomGenerator rng) {
        if (inputs < 1 || code < 1) {
            throw new IllegalArgumentException("Autoencoder: inputs and code width must be positive, got " + inputs
                    + " and " + code);
        }
        this.inputs = inputs;
        this.corruption = child("corruption", new Dropout(corruption, rng));
        int depth = hidden.length + 1;
        encoder = new Dense[depth];
        decoder = new Dense[depth];
        encoderNames = new String[depth];
        decoderNames = new String[depth];
        int width = inputs;
        for (int i = 0; i < depth; i++) {
            boolean last = i == hidden.length;
            encoderNames[i] = last ? "code" : "enc" + i;
            int next = last ? code : hidden[i];
            encoder[i] = child(encoderNames[i], new Dense(width, next, last ? Activation.LINEAR : Activation.RELU, dtype, rng));
            width = next;
        }
        for (int i = 0; i < depth; i++) {
            boolean last = i == hidden.length;
            decoderNames[i] = last ? "out" : "dec" + i;
            int next = last ? inputs : hidden[hidden.length - 1 - i];
            decoder[i] = child(decoderNames[i], new Dense(width, next, last ? Activation.LINEAR : Activation.RELU, dtype, rng));
            width = next;
        }
    }

    public int inputs() {
        return inputs;
    }

    /** The bottleneck code z of each row of x [n, inputs]: [n, code]. */
    public Tensor encode(Tensor x) {
        return run(encoder, encoderNames, parameters(), x);
    }

    /** x̂ from a code z [n, code]. */
    public Tensor decode(Tensor z) {
        return run(decoder, decoderNames, parameters(), z);
    }

    /** x̂ = decode(encode(x̃)), x̃ the corrupted x in training mode (x itself in eval mode). */
    public Tensor reconstruct(Tensor x) {
        return reconstruct(parameters(), x);
    }

    /** {@link #reconstruct(Tensor)} with the given weights (named as {@link #parameters()} names them). */
    public Tensor reconstruct(Map<String, Tensor> weights, Tensor x) {
        return run(decoder, decoderNames, weights, run(encoder, encoderNames, weights, corruption.forward(x)));
    }

    /** The training loss: the mean squared error of the reconstruction against the clean x. */
    public Tensor loss(Tensor x) {
        return loss(parameters(), x);
    }

    public Tensor loss(Map<String, Tensor> weights, Tensor x) {
        return Losses.mse(reconstruct(weights, x), x);
    }

    private static Tensor run(Dense[] layers, String[] names, Map<String, Tensor> weights, Tensor x) {
        Tensor h = x;
        for (int i = 0; i < layers.length; i++) {
            h = layers[i].forward(Weights.under(weights, names[i]), h);
        }
        return h;
    }
}
