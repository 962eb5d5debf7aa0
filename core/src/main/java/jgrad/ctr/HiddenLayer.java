package jgrad.ctr;

import java.util.Map;
import java.util.random.RandomGenerator;

import jgrad.nn.Weights;
import jgrad.backend.DType;
import jgrad.nn.Activation;
import jgrad.nn.Module;
import jgrad.nn.layers.Dense;
import jgrad.tensor.Tensor;

/** f(x Wᵀ + b) with f a {@link Unit}: a {@link Dense} layer, followed by {@link Dice} when f is Dice. */
final class HiddenLayer extends Module {

    private final Dense dense;
    private final Dice dice;

    HiddenLayer(int in, int out, Unit unit, DType dtype, RandomGenerator rng) {
        Activation f = switch (unit) {
            case RELU -> Activation.RELU;
            case SIGMOID -> Activation.SIGMOID;
            case DICE -> Activation.LINEAR;
        };
        dense = child("dense", new Dense(in, out, f, dtype, rng));
        dice = unit == Unit.DICE ? child("dice", new Dice(out, dtype)) : null;
    }

    Tensor forward(Map<String, Tensor> weights, Tensor x) {
        Tensor a = dense.forward(Weights.under(weights, "dense"), x);
        return dice == null ? a : dice.forward(Weights.under(weights, "dice"), a);
    }
}
