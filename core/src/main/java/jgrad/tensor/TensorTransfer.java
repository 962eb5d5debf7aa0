package jgrad.tensor;

import jgrad.autograd.Autograd;
import jgrad.backend.Backend;
import jgrad.backend.Device;
import jgrad.backend.Storage;
import jgrad.ops.Views;

/**
 * The bodies of {@link Tensor}'s copies between storages and devices (copyFrom, writeInto, to(Device), moveTo),
 * documented there: each an explicit copy made by the backends, outside autograd.
 */
final class TensorTransfer {

    private TensorTransfer() {
    }

    static void copyFrom(Tensor dst, Tensor src) {
        if (!dst.sameShape(src) || src.dtype() != dst.dtype()) {
            throw new IllegalArgumentException("copyFrom: cannot copy a " + src.dtype() + " " + Shapes.format(src.shape())
                    + " into a " + dst.dtype() + " " + Shapes.format(dst.shape()));
        }
        if (!dst.isContiguous()) {
            throw new IllegalArgumentException("copyFrom: the destination " + Shapes.format(dst.shape())
                    + " is a non-contiguous view");
        }
        writeInto(src, Device.common("copyFrom", dst.device(), src.device()).backend(), dst.storage, dst.offset);
    }

    /** A contiguous tensor goes as one run of numel (a kernel then needs no odometer, which would be an array). */
    static void writeInto(Tensor t, Backend backend, Storage dst, int dstOffset) {
        if (t.isContiguous()) {
            backend.copy(ShapeTable.ofRank(1, t.numel(), 0), t.storage(), t.offset, ShapeTable.ofRank(1, 1, 0), dst,
                    dstOffset);
        } else {
            backend.copy(t.shape, t.storage(), t.offset, t.strides, dst, dstOffset);
        }
    }

    static Tensor to(Tensor t, Device target) {
        if (target == t.device()) {
            return t;
        }
        Tensor whole;
        try (var ignored = Autograd.noGrad()) {
            whole = t.isContiguous() && t.offset == 0 && t.storage.length() == t.numel() ? t : Views.copy(t);
        }
        Storage host = t.device() == Device.CPU ? whole.storage : t.backend().download(whole.storage);
        Storage there = target == Device.CPU ? host : target.backend().upload(host);
        return new Tensor(there, t.shape);
    }

    static void moveTo(Tensor t, Device target) {
        if (t.gradFn != null || !t.isContiguous() || t.offset != 0 || t.storage.length() != t.numel()) {
            throw new IllegalStateException("moveTo(" + target + "): only a whole contiguous leaf moves in place; this "
                    + Shapes.format(t.shape) + " tensor is "
                    + (t.gradFn != null ? "computed by '" + t.gradFn.op() + "'" : "a view") + ": use to(device)");
        }
        t.storage = to(t, target).storage;
        t.zeroGrad();
    }
}
