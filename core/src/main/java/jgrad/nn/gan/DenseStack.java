package jgrad.nn.gan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import jgrad.nn.Activation;
import jgrad.nn.Module;
import jgrad.nn.layers.Dense;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;

/**
 * Dense layers a^(k) = f_k(W^(k) a^(k−1) + b^(k)) in a row, registered as children "0", "1", …
 * (so their weights are "0.W", "0.b", "1.W", …): the body of the generator and the discriminator.
 */
abstract class DenseStack extends Module {

    private final Dense[] layers;

    /** @param sizes the widths, input first: layer k maps sizes[k] to sizes[k+1] with activations[k] */
    DenseStack(String what, int[] sizes, List<Activation> activations, DType dtype, RandomGenerator rng) {
        if (sizes.length < 2 || activations.size() != sizes.length - 1) {
            throw new IllegalArgumentException(what + ": needs n+1 sizes and n activations, got " + sizes.length
                    + " sizes and " + activations.size() + " activations");
        }
        layers = new Dense[sizes.length - 1];
        for (int k = 0; k < layers.length; k++) {
            layers[k] = child(String.valueOf(k), new Dense(sizes[k], sizes[k + 1], activations.get(k), dtype, rng));
        }
    }

    /** The last layer's pre-activation W a + b, from the given weights ("0.W", "0.b", …). */
    Tensor lastLogits(Map<String, Tensor> weights, Tensor x) {
        Tensor a = x;
        for (int k = 0; k < layers.length - 1; k++) {
            a = layers[k].forward(of(weights, k), a);
        }
        int last = layers.length - 1;
        return layers[last].logits(of(weights, last), a);
    }

    Tensor run(Map<String, Tensor> weights, Tensor x) {
        Dense last = layers[layers.length - 1];
        return last.activation().apply(lastLogits(weights, x));
    }

    Dense last() {
        return layers[layers.length - 1];
    }

    Dense first() {
        return layers[0];
    }

    /** Layer k's weights out of the stack's ("k.W" → "W"). */
    private static Map<String, Tensor> of(Map<String, Tensor> weights, int k) {
        String prefix = k + ".";
        Map<String, Tensor> sub = new LinkedHashMap<>();
        weights.forEach((name, t) -> {
            if (name.startsWith(prefix)) {
                sub.put(name.substring(prefix.length()), t);
            }
        });
        return sub;
    }
}
