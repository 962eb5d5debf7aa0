package jgrad.autograd;

import java.util.Arrays;

import jgrad.backend.Backend;
import jgrad.backend.Device;
import jgrad.backend.BinaryOp;
import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/**
 * dst += src, in place and not recorded: how gradients are summed (the engine's sums, the backward
 * of a view adding into its part of the input's gradient). dst is contiguous or a region of a
 * contiguous tensor; src is any tensor of the same shape. A src with every stride 0 (the expanded
 * gradient of a sum) is read as one repeated number instead of being materialized.
 */
public final class InPlace {

    private InPlace() {
    }

    public static void add(Tensor dst, Tensor src) {
        if (!Arrays.equals(dst.shape(), src.shape())) {
            throw new IllegalArgumentException("add in place: shapes " + Shapes.format(dst.shape()) + " and "
                    + Shapes.format(src.shape()) + " differ");
        }
        int n = dst.numel();
        if (n == 0) {
            return;
        }
        boolean constant = Shapes.isConstant(src.shape(), src.strides());
        Tensor s = constant ? src : src.detach().contiguous();
        int[] shape = dst.shape();
        int[] strides = dst.strides();
        int axes = shape.length;
        int run = 1;
        while (axes > 0 && (shape[axes - 1] == 1 || strides[axes - 1] == run)) {    // trailing axes dst walks as one
            run *= shape[--axes];
        }
        Backend backend = Device.common("addInPlace", dst.device(), src.device()).backend();
        int[] index = new int[axes];
        int off = dst.offset();
        for (int r = 0; r < n / run; r++) {
            backend.binary(BinaryOp.ADD, run, dst.storage(), off, 1, s.storage(), s.offset() + (constant ? 0 : r * run),
                    constant ? 0 : 1, dst.storage(), off);
            for (int d = axes - 1; d >= 0; d--) {         // odometer over the other axes
                index[d]++;
                off += strides[d];
                if (index[d] < shape[d]) {
                    break;
                }
                off -= strides[d] * shape[d];
                index[d] = 0;
            }
        }
    }
}
