package jgrad.recsys;

import java.util.Arrays;

import jgrad.backend.Backends;
import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/** Copying trained weights into another model's parameters (pretraining). */
final class Weights {

    private Weights() {
    }

    /** Overwrites {@code dst} with the values of {@code src}, which must have its shape and dtype. */
    static void copy(Tensor src, Tensor dst) {
        if (dst == null || !Arrays.equals(src.shape(), dst.shape()) || src.dtype() != dst.dtype()) {
            throw new IllegalArgumentException("cannot copy a " + src.dtype() + " " + Shapes.format(src.shape())
                    + " into " + (dst == null ? "a missing parameter" : dst.dtype() + " " + Shapes.format(dst.shape())));
        }
        Backends.current().copy(src.shape(), src.storage(), src.offset(), src.strides(), dst.storage(), dst.offset());
    }
}
