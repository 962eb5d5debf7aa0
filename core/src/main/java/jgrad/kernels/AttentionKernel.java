package jgrad.kernels;

import jgrad.autograd.OpRecord;
import jgrad.backend.Backend;
import jgrad.backend.Device;
import jgrad.backend.BinaryOp;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;

/**
 * Attention pooling with one query vector per row, as one recorded op with a hand-written backward:
 * for x [B, T, d], q [B, d] and an optional keep mask [B, T] (1 keep, 0 drop),
 * <pre>
 *   e_t = x_tᵀ q,   s = softmax(e with dropped positions at {@link #DROPPED}),   α = s ⊙ keep,
 *   c = Σ_t α_t x_t
 * </pre>
 * (the dot score; the general score is this with q = W h). The output is α and c side by side,
 * [B, T + d]. Back, from dα and dc, with dα' = dα + x dc:
 * <pre>
 *   ds = dα' ⊙ keep,   de = (s ⊙ (ds − Σ_t ds_t s_t)) ⊙ keep,   dq = xᵀ de,   dx = α dcᵀ + de qᵀ
 * </pre>
 * Per row b the products are vector-matrix GEMMs (the vector as a row, so that the results are
 * contiguous rows too), and dx is one GEMM of inner size 2 ([α | de] times
 * [dc; q]) written into one new tensor, where the composition of ops ({@code Attention.forwardUnfused})
 * makes two outer products and sums them: x is the large operand, and this touches it least.
 */
public final class AttentionKernel implements OpRecord.Backward {

    /** The score of a dropped position before the softmax, as in {@code Attention.forwardUnfused}: exp underflows to 0. */
    static final double DROPPED = -1e30;

    private final Backend be;
    private final Device device;
    private final DType dtype;
    private final int batch;
    private final int steps;
    private final int d;
    /** Saved for backward: x, q, keep (or null) contiguous, the softmax s [B, T] and the output. */
    private final Tensor x;
    private final Tensor q;
    private final Tensor keep;
    private Tensor s;
    private Tensor out;

    private AttentionKernel(Tensor x, Tensor q, Tensor keep) {
        this.device = Device.common("attention", x.device(), q.device());
        this.be = device.backend();
        this.dtype = x.dtype();
        this.batch = x.shape(0);
        this.steps = x.shape(1);
        this.d = x.shape(2);
        this.x = x.detach().contiguous();
        this.q = q.detach().contiguous();
        this.keep = keep == null ? null : keep.detach().contiguous();
    }

    /** [α | c], [B, T + d], from x [B, T, d], q [B, d] and keep [B, T] (null: keep every position). */
    public static Tensor run(Tensor x, Tensor q, Tensor keep) {
        AttentionKernel k = new AttentionKernel(x, q, keep);
        return k.forward().recordedAs("attention", k, x, q);
    }

    private Tensor forward() {
        int width = steps + d;
        Tensor e = Tensor.zeros(device, dtype, batch, steps);
        for (int b = 0; b < batch; b++) {
            be.gemm(false, true, 1, steps, d, q.storage(), b * d, d, x.storage(), b * steps * d, d,
                    0, e.storage(), b * steps, steps);
        }
        if (keep != null) {
            Tensor dropped = Tensor.full(device, dtype, DROPPED, batch, steps);
            be.where(batch * steps, keep.storage(), 0, e.storage(), 0, dropped.storage(), 0, e.storage(), 0);
        }
        s = Tensor.zeros(device, dtype, batch, steps);
        be.softmax(batch, steps, e.storage(), 0, s.storage(), 0, false);
        out = Tensor.zeros(device, dtype, batch, width);
        for (int b = 0; b < batch; b++) {
            if (keep == null) {
                be.copy(new int[] {steps}, s.storage(), b * steps, new int[] {1}, out.storage(), b * width);
            } else {
                be.binary(BinaryOp.MUL, steps, s.storage(), b * steps, 1, keep.storage(), b * steps, 1,
                        out.storage(), b * width);
            }
            be.gemm(false, false, 1, d, steps, out.storage(), b * width, steps, x.storage(), b * steps * d, d,
                    0, out.storage(), b * width + steps, d);
        }
        return out;
    }

    /** Gradients of x and q from the gradient g [B, T + d] of [α | c]. */
    @Override
    public Tensor[] apply(Tensor g) {
        Tensor gc = g.contiguous();
        int width = steps + d;
        Tensor alphaDe = Tensor.zeros(device, dtype, batch, 2, steps);      // per row: α, then de
        Tensor dcQ = Tensor.zeros(device, dtype, batch, 2, d);              // per row: dc, then q
        Tensor ds = Tensor.zeros(device, dtype, batch, steps);
        for (int b = 0; b < batch; b++) {
            int row = b * width;
            be.copy(new int[] {steps}, out.storage(), row, new int[] {1}, alphaDe.storage(), 2 * b * steps);
            be.copy(new int[] {d}, gc.storage(), gc.offset() + row + steps, new int[] {1}, dcQ.storage(), 2 * b * d);
            be.copy(new int[] {d}, q.storage(), b * d, new int[] {1}, dcQ.storage(), (2 * b + 1) * d);
            be.copy(new int[] {steps}, gc.storage(), gc.offset() + row, new int[] {1}, ds.storage(), b * steps);
            be.gemm(false, true, 1, steps, d, dcQ.storage(), 2 * b * d, d, x.storage(), b * steps * d, d,
                    1, ds.storage(), b * steps, steps);              // dα' = dα + x dc
        }
        int n = batch * steps;
        if (keep != null) {
            be.binary(BinaryOp.MUL, n, ds.storage(), 0, 1, keep.storage(), 0, 1, ds.storage(), 0);
        }
        Tensor de = Tensor.zeros(device, dtype, batch, steps);
        be.softmaxBackward(batch, steps, s.storage(), 0, ds.storage(), 0, de.storage(), 0, false);
        if (keep != null) {
            be.binary(BinaryOp.MUL, n, de.storage(), 0, 1, keep.storage(), 0, 1, de.storage(), 0);
        }
        Tensor dx = Tensor.zeros(device, dtype, batch, steps, d);
        Tensor dq = Tensor.zeros(device, dtype, batch, d);
        for (int b = 0; b < batch; b++) {
            be.copy(new int[] {steps}, de.storage(), b * steps, new int[] {1}, alphaDe.storage(), (2 * b + 1) * steps);
            be.gemm(true, false, steps, d, 2, alphaDe.storage(), 2 * b * steps, steps, dcQ.storage(), 2 * b * d, d,
                    0, dx.storage(), b * steps * d, d);
            be.gemm(false, false, 1, d, steps, de.storage(), b * steps, steps, x.storage(), b * steps * d, d,
                    0, dq.storage(), b * d, d);
        }
        return new Tensor[] {dx, dq};
    }

    @Override
    public boolean returnsNewGradients() {
        return true;
    }
}
