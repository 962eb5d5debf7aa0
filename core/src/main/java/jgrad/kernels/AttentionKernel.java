package jgrad.kernels;

import jgrad.autograd.OpRecord;
import jgrad.backend.Backend;
import jgrad.backend.Device;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;

/**
 * Attention pooling with one query vector per row, as one recorded op with a hand-written backward:
 * for x [B, T, d], q [B, d] and an optional keep mask [B, T] (1 keep, 0 drop),
 * <pre>
 *   e_t = x_tᵀ q,   α = softmax of e over the kept positions (0 where dropped),   c = Σ_t α_t x_t
 * </pre>
 * (the dot score; the general score is this with q = W h). The output is α and c side by side,
 * [B, T + d]. Back, from dα and dc, with dα' = dα + x dc:
 * <pre>
 *   de = α ⊙ (dα' − Σ_t α_t dα'_t),   dq = xᵀ de,   dx = α dcᵀ + de qᵀ
 * </pre>
 * Both directions are one backend call ({@link Backend#attentionPoolForward},
 * {@link Backend#attentionPoolBackward}); this op gathers its operands contiguous from offset 0, as
 * those take them, and places α and c side by side in the output.
 */
public final class AttentionKernel implements OpRecord.Backward {

    private final Backend be;
    private final Device device;
    private final DType dtype;
    private final int batch;
    private final int steps;
    private final int d;
    /** Saved for backward: x and q contiguous from offset 0, and α [B, T]. */
    private final Tensor x;
    private final Tensor q;
    private final Tensor keep;
    private Tensor alpha;

    private AttentionKernel(Tensor x, Tensor q, Tensor keep) {
        this.device = Device.common("attention", x.device(), q.device());
        this.be = device.backend();
        this.dtype = x.dtype();
        this.batch = x.shape(0);
        this.steps = x.shape(1);
        this.d = x.shape(2);
        this.x = fromZero(x.detach());
        this.q = fromZero(q.detach());
        this.keep = keep == null ? null : fromZero(keep.detach());
    }

    /** [α | c], [B, T + d], from x [B, T, d], q [B, d] and keep [B, T] (null: keep every position). */
    public static Tensor run(Tensor x, Tensor q, Tensor keep) {
        AttentionKernel k = new AttentionKernel(x, q, keep);
        return k.forward().recordedAs("attention", k, x, q);
    }

    /** The tensor itself when its elements are its storage's from offset 0 in row-major order, else a copy. */
    private static Tensor fromZero(Tensor t) {
        return t.isContiguous() && t.offset() == 0 ? t : t.copy();
    }

    private Tensor forward() {
        alpha = Tensor.zeros(device, dtype, batch, steps);
        Tensor c = Tensor.zeros(device, dtype, batch, d);
        be.attentionPoolForward(batch, steps, d, x.storage(), q.storage(), keep == null ? null : keep.storage(),
                alpha.storage(), c.storage());
        int width = steps + d;
        Tensor out = Tensor.zeros(device, dtype, batch, width);
        for (int b = 0; b < batch; b++) {
            be.copy(new int[] {steps}, alpha.storage(), b * steps, new int[] {1}, out.storage(), b * width);
            be.copy(new int[] {d}, c.storage(), b * d, new int[] {1}, out.storage(), b * width + steps);
        }
        return out;
    }

    /** Gradients of x and q from the gradient g [B, T + d] of [α | c]. */
    @Override
    public Tensor[] apply(Tensor g) {
        Tensor gAlpha = Tensor.zeros(device, dtype, batch, steps);
        Tensor gc = Tensor.zeros(device, dtype, batch, d);
        int[] strides = g.strides();
        be.copy(new int[] {batch, steps}, g.storage(), g.offset(), strides, gAlpha.storage(), 0);
        be.copy(new int[] {batch, d}, g.storage(), g.offset() + steps * strides[1], strides, gc.storage(), 0);
        Tensor de = Tensor.zeros(device, dtype, batch, steps);
        Tensor dx = Tensor.zeros(device, dtype, batch, steps, d);
        Tensor dq = Tensor.zeros(device, dtype, batch, d);
        be.attentionPoolBackward(batch, steps, d, x.storage(), q.storage(), alpha.storage(), gAlpha.storage(),
                gc.storage(), de.storage(), dx.storage(), dq.storage());
        return new Tensor[] {dx, dq};
    }

    @Override
    public boolean returnsNewGradients() {
        return true;
    }
}
