package jgrad.kernels;

import jgrad.autograd.OpRecord;
import jgrad.backend.Backend;
import jgrad.backend.Device;
import jgrad.backend.DType;
import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/**
 * The attention weights of scaled dot-product attention as one recorded op, for scores s = Q Kᵀ [B, h, Tq, Tk]
 * of the last Tq ≤ Tk positions' queries over Tk keys and an optional keep mask [B, Tk] (1 keep, 0 drop):
 * <pre>
 *   α[b, j, t, ·] = softmax of c·s[b, j, t, ·] over the keys query t may see (0 elsewhere)
 *   ds = c · α ⊙ (dα − Σ_u α_u dα_u)                                                  (backward, per row)
 * </pre>
 * where query t, at position p = t + Tk − Tq, sees key u when keep[b, u] ≠ 0 and, if causal, u ≤ p; a query
 * that would see no key sees its own ({@link Backend#attentionSoftmax}). One backend call each way: the scaled scores, the mask tensors and
 * the filled scores of the composition scale·s → maskedFill → softmax are never made.
 */
public final class AttentionSoftmaxKernel implements OpRecord.Backward {

    private final Device device;
    private final DType dtype;
    private final int rows;
    private final int queries;
    private final int steps;
    private final double scale;
    private final boolean causal;
    private Tensor alpha;

    private AttentionSoftmaxKernel(Tensor scores, double scale, boolean causal) {
        this.device = scores.device();
        this.dtype = scores.dtype();
        this.queries = scores.shape(2);
        this.steps = scores.shape(3);
        this.rows = scores.shape(0) * scores.shape(1) * queries;
        this.scale = scale;
        this.causal = causal;
    }

    /** α [B, h, Tq, Tk] from the scores [B, h, Tq, Tk], the scale c, the keep mask [B, Tk] (null: none), causal. */
    public static Tensor run(Tensor scores, Tensor keep, double scale, boolean causal) {
        if (scores.rank() != 4 || scores.shape(2) > scores.shape(3)) {
            throw new IllegalArgumentException("attention softmax: scores have shape " + Shapes.format(scores.shape())
                    + ", expected [B, h, Tq, Tk] with Tq <= Tk");
        }
        int batch = scores.shape(0);
        int steps = scores.shape(3);
        if (keep != null && (keep.rank() != 2 || keep.shape(0) != batch || keep.shape(1) != steps)) {
            throw new IllegalArgumentException("attention softmax: mask has shape " + Shapes.format(keep.shape())
                    + ", expected [" + batch + ", " + steps + "]");
        }
        AttentionSoftmaxKernel k = new AttentionSoftmaxKernel(scores, scale, causal);
        Tensor s = scores.contiguous();
        Tensor mask = keep == null ? null : keep.detach().to(s.dtype()).to(s.device()).contiguous();
        Tensor alpha = Tensor.forOverwrite(k.device, k.dtype, scores.shape());   // the kernels write every key, 0 or not
        k.device.backend().attentionSoftmax(batch, scores.shape(1), k.queries, steps, scale, causal,
                mask == null ? null : fromZero(mask).storage(), s.storage(), s.offset(), alpha.storage());
        k.alpha = alpha;
        return alpha.recordedAs("attentionSoftmax", k, scores);
    }

    private static Tensor fromZero(Tensor t) {
        return t.offset() == 0 ? t : t.copy();
    }

    @Override
    public Tensor[] apply(Tensor g) {
        Tensor gc = g.contiguous();
        Tensor ds = Tensor.forOverwrite(device, dtype, alpha.shape());
        Device.common("attention softmax backward", device, gc.device()).backend().attentionSoftmaxBackward(rows, queries,
                steps, scale, causal, alpha.storage(), gc.storage(), gc.offset(), ds.storage());
        return new Tensor[] {ds};
    }

    @Override
    public boolean returnsNewGradients() {
        return true;
    }
}
