package jgrad.kernels;

import jgrad.autograd.OpRecord;
import jgrad.backend.Backend;
import jgrad.backend.Device;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;

/**
 * Layer normalization over the last axis as one recorded op, for x [..., d] and γ, β [d]:
 * <pre>
 *   y = γ ⊙ (x − μ) r + β,   μ = mean of the row,   r = 1 / √(variance of the row + ε)
 *   dx = r (g − mean(g) − x̂ mean(g ⊙ x̂)) with g = dy ⊙ γ, x̂ = (x − μ) r;   dγ = Σ dy ⊙ x̂;   dβ = Σ dy
 * </pre>
 * One backend call each way ({@link Backend#layerNormForward}, {@link Backend#layerNormBackward}); only μ and r
 * (one number each per row) are kept for the backward, beside x.
 */
public final class LayerNormKernel implements OpRecord.Backward {

    private final Device device;
    private final DType dtype;
    private final int rows;
    private final int d;
    private final Tensor x;
    private final Tensor gamma;
    private final Tensor mean;
    private final Tensor rstd;

    private LayerNormKernel(Tensor x, Tensor gamma) {
        this.device = Device.common("layer norm", x.device(), gamma.device());
        this.dtype = x.dtype();
        this.d = x.shape(-1);
        this.rows = d == 0 ? 0 : x.numel() / d;
        this.x = fromZero(x.detach());
        this.gamma = fromZero(gamma.detach());
        this.mean = Tensor.zeros(device, dtype, rows);
        this.rstd = Tensor.zeros(device, dtype, rows);
    }

    /** y for x [..., d], γ and β [d] and ε. */
    public static Tensor run(Tensor x, Tensor gamma, Tensor beta, double eps) {
        LayerNormKernel k = new LayerNormKernel(x, gamma);
        Tensor b = fromZero(beta.detach());
        Tensor y = Tensor.forOverwrite(k.device, k.dtype, x.shape());        // every row written
        k.device.backend().layerNormForward(k.rows, k.d, eps, k.x.storage(), k.x.offset(), k.gamma.storage(),
                b.storage(), y.storage(), k.mean.storage(), k.rstd.storage());
        return y.recordedAs("layerNorm", k, x, gamma, beta);
    }

    /** The tensor itself when contiguous from offset 0, else a contiguous copy. */
    private static Tensor fromZero(Tensor t) {
        Tensor c = t.contiguous();
        return c.offset() == 0 ? c : c.copy();
    }

    @Override
    public Tensor[] apply(Tensor g) {
        Tensor dy = fromZero(g);
        Tensor dx = Tensor.forOverwrite(device, dtype, x.shape());
        Tensor dGamma = Tensor.zeros(device, dtype, d);
        Tensor dBeta = Tensor.zeros(device, dtype, d);
        device.backend().layerNormBackward(rows, d, x.storage(), x.offset(), gamma.storage(), mean.storage(),
                rstd.storage(), dy.storage(), dx.storage(), dGamma.storage(), dBeta.storage());
        return new Tensor[] {dx, dGamma, dBeta};
    }

    @Override
    public boolean returnsNewGradients() {
        return true;
    }
}
