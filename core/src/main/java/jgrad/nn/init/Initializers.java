package jgrad.nn.init;

import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/**
 * The usual starting values. For a weight W [out, in], fan_in = in and fan_out = out (a vector of
 * size n has fan_in = fan_out = n):
 * <ul>
 *   <li>Glorot/Xavier uniform: U(−a, a), a = √(6 / (fan_in + fan_out)); normal: N(0, 2 / (fan_in + fan_out));</li>
 *   <li>He/Kaiming uniform: U(−a, a), a = √(6 / fan_in); normal: N(0, 2 / fan_in) (for relu layers);</li>
 *   <li>orthogonal: rows (or columns) orthonormal, times a gain (recurrent weights, keeps ‖W_hh h‖ = ‖h‖);</li>
 *   <li>zeros, constant c, uniform U(−a, a) (Keras embeddings use a = 0.05).</li>
 * </ul>
 * Normal variants sample the plain normal (Keras truncates at 2σ; the variance differs by ~20%).
 */
public final class Initializers {

    private Initializers() {
    }

    public static Initializer glorotUniform() {
        return (rng, dtype, shape) -> {
            double a = Math.sqrt(6.0 / (fanIn(shape) + fanOut(shape)));
            return Tensor.rand(rng, dtype, -a, a, shape);
        };
    }

    public static Initializer glorotNormal() {
        return (rng, dtype, shape) ->
                Tensor.randn(rng, dtype, 0, Math.sqrt(2.0 / (fanIn(shape) + fanOut(shape))), shape);
    }

    public static Initializer heUniform() {
        return (rng, dtype, shape) -> {
            double a = Math.sqrt(6.0 / fanIn(shape));
            return Tensor.rand(rng, dtype, -a, a, shape);
        };
    }

    public static Initializer heNormal() {
        return (rng, dtype, shape) -> Tensor.randn(rng, dtype, 0, Math.sqrt(2.0 / fanIn(shape)), shape);
    }

    public static Initializer uniform(double a) {
        return (rng, dtype, shape) -> Tensor.rand(rng, dtype, -a, a, shape);
    }

    public static Initializer zeros() {
        return (rng, dtype, shape) -> Tensor.zeros(dtype, shape);
    }

    public static Initializer constant(double c) {
        return (rng, dtype, shape) -> Tensor.full(dtype, c, shape);
    }

    /** Orthogonal with gain 1. */
    public static Initializer orthogonal() {
        return orthogonal(1);
    }

    /** gain · Q, where Q [rows, cols] has orthonormal rows (rows ≤ cols) or columns (rows ≥ cols). */
    public static Initializer orthogonal(double gain) {
        return (rng, dtype, shape) -> {
            if (shape.length != 2) {
                throw new IllegalArgumentException("orthogonal initializer: needs a matrix, got shape "
                        + Shapes.format(shape));
            }
            return Orthogonal.sample(rng, shape[0], shape[1]).mul(gain).to(dtype);
        };
    }

    static int fanIn(int[] shape) {
        return Math.max(1, shape.length >= 2 ? Shapes.product(shape, 1, shape.length) : Shapes.numel(shape));
    }

    static int fanOut(int[] shape) {
        return Math.max(1, shape.length >= 1 ? shape[0] : 1);
    }
}
