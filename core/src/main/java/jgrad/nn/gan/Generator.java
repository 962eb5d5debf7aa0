package jgrad.nn.gan;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import jgrad.nn.Activation;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;

/**
 * The generator G of a GAN (article 002 §2.4, §4.4): dense layers a^(k) = f_k(W^(k) a^(k−1) + b^(k))
 * mapping noise z [B, n_z] to a sample G(z) [B, n_x]. Weights "0.W", "0.b", "1.W", ….
 */
public final class Generator extends DenseStack {

    /** @param sizes n_z, hidden widths…, n_x; one activation per layer */
    public Generator(int[] sizes, List<Activation> activations, DType dtype, RandomGenerator rng) {
        super("Generator", sizes, activations, dtype, rng);
    }

    public Tensor forward(Tensor z) {
        return forward(parameters(), z);
    }

    public Tensor forward(Map<String, Tensor> weights, Tensor z) {
        return run(weights, z);
    }

    public int noiseSize() {
        return first().in();
    }
}
