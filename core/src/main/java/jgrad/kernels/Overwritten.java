package jgrad.kernels;

import jgrad.backend.DType;
import jgrad.backend.Device;
import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/**
 * Contiguous tensors for the outputs that a kernel writes in full (im2col, a GEMM with β = 0, a strided copy,
 * col2im, pooling), from {@link jgrad.backend.Backend#allocateForOverwrite}: their storage is not cleared
 * first, which in a training step's {@link jgrad.backend.Arena} spares one pass over each of them.
 */
final class Overwritten {

    private Overwritten() {
    }

    static Tensor tensor(Device device, DType dtype, int... shape) {
        return new Tensor(device.backend().allocateForOverwrite(dtype, Shapes.numel(shape)), shape,
                Shapes.contiguousStrides(shape), 0);
    }
}
