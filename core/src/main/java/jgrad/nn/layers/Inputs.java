package jgrad.nn.layers;

import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/** Checks of a layer's inputs whose errors name the layer, the expected and the given shape. */
final class Inputs {

    private Inputs() {
    }

    /** x must have {@code rank} axes; each positive entry of {@code expected} must match (−1: any size). */
    static void require(String layer, String name, Tensor x, int... expected) {
        boolean ok = x.rank() == expected.length;
        for (int d = 0; ok && d < expected.length; d++) {
            ok = expected[d] < 0 || expected[d] == x.shape(d);
        }
        if (!ok) {
            throw new IllegalArgumentException(layer + ": input '" + name + "' has shape " + Shapes.format(x.shape())
                    + ", expected " + pattern(expected));
        }
    }

    /** x must have at least one axis, the last of size {@code last}. */
    static void requireLast(String layer, String name, Tensor x, int last) {
        if (x.rank() < 1 || x.shape(-1) != last) {
            throw new IllegalArgumentException(layer + ": input '" + name + "' has shape " + Shapes.format(x.shape())
                    + ", expected [..., " + last + "]");
        }
    }

    /** Sizes as "[B, 4]" where −1 stands for any size. */
    static String pattern(int... expected) {
        StringBuilder sb = new StringBuilder("[");
        for (int d = 0; d < expected.length; d++) {
            sb.append(d > 0 ? ", " : "").append(expected[d] < 0 ? "*" : String.valueOf(expected[d]));
        }
        return sb.append(']').toString();
    }
}
