package jgrad.nn;

import java.util.Locale;

import jgrad.tensor.Tensor;

/**
 * The nonlinearity f of a layer a = f(z): linear, relu, leaky_relu (slope α for z &lt; 0), sigmoid,
 * tanh, or softmax over the last axis. Names are the lower-case Keras names.
 */
public record Activation(Kind kind, double slope) {

    /** The kinds of activation; {@code slope} matters only for LEAKY_RELU. */
    public enum Kind { LINEAR, RELU, LEAKY_RELU, SIGMOID, TANH, SOFTMAX }

    /** PyTorch's default negative slope for leaky relu. */
    public static final double DEFAULT_LEAKY_SLOPE = 0.01;

    public static final Activation LINEAR = new Activation(Kind.LINEAR, 0);
    public static final Activation RELU = new Activation(Kind.RELU, 0);
    public static final Activation SIGMOID = new Activation(Kind.SIGMOID, 0);
    public static final Activation TANH = new Activation(Kind.TANH, 0);
    public static final Activation SOFTMAX = new Activation(Kind.SOFTMAX, 0);

    public static Activation leakyRelu(double slope) {
        return new Activation(Kind.LEAKY_RELU, slope);
    }

    /** Parses "linear", "relu", "leaky_relu", "sigmoid", "tanh", "softmax" (null or "" is linear). */
    public static Activation of(String name) {
        if (name == null || name.isEmpty()) {
            return LINEAR;
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "linear", "identity" -> LINEAR;
            case "relu" -> RELU;
            case "leaky_relu", "leakyrelu" -> leakyRelu(DEFAULT_LEAKY_SLOPE);
            case "sigmoid" -> SIGMOID;
            case "tanh" -> TANH;
            case "softmax" -> SOFTMAX;
            default -> throw new IllegalArgumentException("unknown activation '" + name
                    + "' (known: linear, relu, leaky_relu, sigmoid, tanh, softmax)");
        };
    }

    /** The Keras-style name, as {@link #of} reads it. */
    public String label() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    public Tensor apply(Tensor z) {
        return switch (kind) {
            case LINEAR -> z;
            case RELU -> z.relu();
            case LEAKY_RELU -> z.leakyRelu(slope);
            case SIGMOID -> z.sigmoid();
            case TANH -> z.tanh();
            case SOFTMAX -> z.softmax(-1);
        };
    }
}
