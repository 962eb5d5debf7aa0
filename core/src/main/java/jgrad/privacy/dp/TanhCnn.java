package jgrad.privacy.dp;

import java.util.random.RandomGenerator;

import jgrad.backend.DType;
import jgrad.nn.Activation;
import jgrad.nn.conv.Conv2D;
import jgrad.nn.conv.MaxPool2D;
import jgrad.nn.conv.Padding;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Flatten;
import jgrad.train.Sequential;

/**
 * The small CNN of the DP-SGD literature for 28×28 one-channel images (Papernot, Thakurta, Song, Chien and
 * Erlingsson, "Tempered Sigmoid Activations for Deep Learning with Differential Privacy", AAAI 2021; Opacus's
 * MNIST example), with tanh activations, which keep clipped gradients informative:
 * <pre>
 *   Conv2D(16, 8×8, stride 2, pad 3, tanh) → MaxPool(2, stride 1) → Conv2D(32, 4×4, stride 2, tanh)
 *   → MaxPool(2, stride 1) → Flatten (512) → Dense(32, tanh) → Dense(classes) logits
 * </pre>
 * 26,010 parameters for 10 classes; input [B, 1, 28, 28].
 */
public final class TanhCnn {

    private TanhCnn() {
    }

    /** The model with weights drawn from {@code rng} (Glorot-uniform kernels, zero biases). */
    public static Sequential of(int classes, RandomGenerator rng) {
        int[] one = {1, 1};
        int[] two = {2, 2};
        int[] none = {0, 0};
        return new Sequential(
                new Conv2D(1, 16, new int[] {8, 8}, two, Padding.of(3), one, Activation.TANH, DType.F32, rng),
                new MaxPool2D(two, one, none),
                new Conv2D(16, 32, new int[] {4, 4}, two, Padding.valid(), one, Activation.TANH, DType.F32, rng),
                new MaxPool2D(two, one, none),
                new Flatten(),
                new Dense(32 * 4 * 4, 32, Activation.TANH, rng),
                new Dense(32, classes, Activation.LINEAR, rng));
    }
}
