package jgrad.nn.conv;

import java.util.random.RandomGenerator;

import jgrad.backend.ConvGeometry;
import jgrad.backend.DType;
import jgrad.nn.Activation;
import jgrad.kernels.ConvKernel;
import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/** The shared arithmetic of {@link Conv1D} and {@link Conv2D}: a convolution, its bias and a fused ReLU in one op. */
final class Convolution {

    private Convolution() {
    }

    /**
     * y = f(z), z[n, o, i, j] = b[o] + Σ_{c,u,v} W[o, c, u, v]·xp[n, c, i·sh + u·dh, j·sw + v·dw] for x [B, C, H, W]
     * ({@link ConvKernel}); a ReLU is fused into the convolution's op, any other f follows it.
     */
    static Tensor forward(Tensor x, Tensor W, Tensor b, ConvGeometry g, Activation f) {
        if (f.kind() == Activation.Kind.RELU) {
            return ConvKernel.run(x, W, b, g, true);
        }
        return f.apply(ConvKernel.run(x, W, b, g, false));
    }

    /** Keras's Glorot-uniform for a kernel: fan_in = C·taps, fan_out = C_out·taps. */
    static Tensor glorot(RandomGenerator rng, DType dtype, int... shape) {
        int taps = Shapes.product(shape, 2, shape.length);
        double a = Math.sqrt(6.0 / (shape[1] * taps + shape[0] * taps));
        return Tensor.rand(rng, dtype, -a, a, shape);
    }

    static void requirePositive(String layer, String what, int... values) {
        for (int v : values) {
            if (v < 1) {
                throw new IllegalArgumentException(layer + ": " + what + " must be >= 1, got " + v);
            }
        }
    }

    /** x must have the given rank and channel count (axis 1). */
    static void requireInput(String layer, Tensor x, int rank, int channels, String pattern) {
        if (x.rank() != rank || x.shape(1) != channels) {
            throw new IllegalArgumentException(layer + ": input has shape " + Shapes.format(x.shape()) + ", expected "
                    + pattern + " with C = " + channels);
        }
    }
}
