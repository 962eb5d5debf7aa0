package jgrad.optim;

import java.util.Arrays;
import java.util.Collection;

import jgrad.autograd.RowGrad;
import jgrad.backend.Arena;
import jgrad.backend.DType;
import jgrad.backend.Device;
import jgrad.backend.Storage;
import jgrad.tensor.Tensor;

/**
 * Clipping of gradients, by global norm or by value.
 *
 * <p>By global norm: with N = √(Σ over all parameters of Σ gᵢ²) (dense gradients and the touched rows of
 * row-sparse ones), every gradient is scaled by min(1, maxNorm / N), so the direction of the whole update
 * is kept and only its length is limited. Σ gᵢ² is summed in double by the backend into a one-element
 * F64 storage on the gradients' device ({@code Backend.sumOfSquares}), and each gradient is scaled by a
 * kernel that reads that sum where it lives ({@code Backend.clipToNorm}): the optimizer's clipped step
 * never copies a number to the host. Only the methods that return N to the caller transfer it, one number.
 *
 * <p>By value (Keras's {@code clipvalue}): every element is limited to [−c, c], NaN kept.
 */
public final class GradientClipping {

    private GradientClipping() {
    }

    /** The global L2 norm of the gradients of {@code params} (parameters without gradient count 0). */
    public static double globalNorm(Collection<Tensor> params) {
        return Math.sqrt(hostValue(sumOfSquares(params)));
    }

    /**
     * Σ g² over the gradients of {@code params}, as a one-element F64 tensor on their device (on the CPU
     * when none has a gradient), without a transfer to the host.
     */
    public static Tensor sumOfSquares(Collection<Tensor> params) {
        Storage sum = accumulate(params, null);
        return new Tensor(sum, new int[] {1}, new int[] {1}, 0);
    }

    /**
     * Scales the gradients in place so that their global norm is at most {@code maxNorm}.
     * Returns the norm before clipping (as PyTorch's clip_grad_norm_ does), useful to log: that one
     * number is copied to the host; {@code Optimizer.clipGlobalNorm} clips without it.
     */
    public static double clipGlobalNorm(Collection<Tensor> params, double maxNorm) {
        Optimizer.checkPositive("clipping norm", maxNorm);
        Storage sum = clipOnDevice(params, maxNorm, null);
        return Math.sqrt(hostValue(new Tensor(sum, new int[] {1}, new int[] {1}, 0)));
    }

    /**
     * Clips to the global norm on the gradients' device, reusing {@code sum} (a one-element F64 storage,
     * or null) when it is on that device; returns the storage that holds Σ g².
     */
    static Storage clipOnDevice(Collection<Tensor> params, double maxNorm, Storage sum) {
        sum = accumulate(params, sum);
        for (Tensor p : params) {
            scale(p.grad(), sum, maxNorm);
            RowGrad rows = p.rowGrad();
            scale(rows == null ? null : rows.rows(), sum, maxNorm);
        }
        return sum;
    }

    /** Limits every gradient element of {@code params} to [−maxValue, maxValue] in place. */
    public static void clipValue(Collection<Tensor> params, double maxValue) {
        Optimizer.checkPositive("clipping value", maxValue);
        for (Tensor p : params) {
            clamp(p.grad(), maxValue);
            RowGrad rows = p.rowGrad();
            clamp(rows == null ? null : rows.rows(), maxValue);
        }
    }

    /** Σ g² into {@code sum} (reused if it is on the gradients' device, else a new one), from 0. */
    private static Storage accumulate(Collection<Tensor> params, Storage sum) {
        Device device = null;
        for (Tensor p : params) {
            device = deviceOf(p.grad(), device);
            RowGrad rows = p.rowGrad();
            device = deviceOf(rows == null ? null : rows.rows(), device);
        }
        Device at = device == null ? Device.CPU : device;
        if (sum == null || sum.device() != at) {
            sum = Arena.outside(() -> at.backend().allocate(DType.F64, 1));
        }
        at.backend().fill(1, sum, 0, 0.0);
        for (Tensor p : params) {
            addSquares(p.grad(), sum);
            RowGrad rows = p.rowGrad();
            addSquares(rows == null ? null : rows.rows(), sum);
        }
        return sum;
    }

    private static Device deviceOf(Tensor g, Device seen) {
        if (g == null) {
            return seen;
        }
        if (seen != null && g.device() != seen) {
            throw new IllegalArgumentException("gradient clipping: gradients on two devices, " + seen + " and "
                    + g.device() + "; move the whole model with Module.to(device)");
        }
        return g.device();
    }

    private static void addSquares(Tensor g, Storage sum) {
        if (g == null) {
            return;
        }
        Tensor c = g.contiguous();
        c.backend().sumOfSquares(c.numel(), c.storage(), c.offset(), sum, 0);
    }

    // Gradients are owned by their parameter (backward writes fresh contiguous tensors), so in place is safe.
    private static void scale(Tensor g, Storage sum, double maxNorm) {
        if (g == null) {
            return;
        }
        requireContiguous("clipGlobalNorm", g);
        g.backend().clipToNorm(g.numel(), g.storage(), g.offset(), sum, 0, maxNorm);
    }

    /** min(max(g, −c), c) through the backend's MAX and MIN against a broadcast bound (NaN stays NaN). */
    private static void clamp(Tensor g, double c) {
        if (g == null) {
            return;
        }
        requireContiguous("clipValue", g);
        Storage bound = g.backend().allocate(g.dtype(), 1);
        g.backend().fill(1, bound, 0, -c);
        g.backend().binary(jgrad.backend.BinaryOp.MAX, g.numel(), g.storage(), g.offset(), 1, bound, 0, 0,
                g.storage(), g.offset());
        g.backend().fill(1, bound, 0, c);
        g.backend().binary(jgrad.backend.BinaryOp.MIN, g.numel(), g.storage(), g.offset(), 1, bound, 0, 0,
                g.storage(), g.offset());
    }

    private static void requireContiguous(String what, Tensor g) {
        if (!g.isContiguous()) {
            throw new IllegalStateException(what + ": a gradient of shape " + Arrays.toString(g.shape())
                    + " is a non-contiguous view and cannot be changed in place");
        }
    }

    /** The one number of a one-element tensor, copied to the host if it lives elsewhere (an explicit transfer). */
    private static double hostValue(Tensor one) {
        return one.to(Device.CPU).item();
    }
}
