package jgrad.nn.norm;

import jgrad.nn.Config;
import java.util.LinkedHashMap;
import java.util.Map;

import jgrad.backend.DType;
import jgrad.kernels.LayerNormKernel;
import jgrad.nn.Layer;
import jgrad.nn.Module;
import jgrad.nn.Weights;
import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/**
 * Layer normalization (Ba, Kiros and Hinton 2016) over the last axis of x [..., d], separately for
 * every other index:
 * <pre>
 *   μ = (1/d) Σ_k x_k,   σ² = (1/d) Σ_k (x_k − μ)²,   y_k = γ_k (x_k − μ) / √(σ² + ε) + β_k
 * </pre>
 * with γ [d] ones and β [d] zeros to start; gradients flow through μ and σ². One op with a hand-written
 * backward ({@link LayerNormKernel}).
 */
public final class LayerNorm extends Module implements Layer {

    private final int d;
    private final double eps;

    public LayerNorm(int d, double eps, DType dtype) {
        if (d < 1 || !(eps > 0)) {
            throw new IllegalArgumentException("LayerNorm: needs d >= 1 and eps > 0, got d=" + d + ", eps=" + eps);
        }
        this.d = d;
        this.eps = eps;
        param("gamma", Tensor.ones(dtype, d));
        param("beta", Tensor.zeros(dtype, d));
    }

    @Override
    public Tensor forward(Tensor x) {
        return forward(parameters(), x);
    }

    public Tensor forward(Map<String, Tensor> weights, Tensor x) {
        Weights w = new Weights("LayerNorm(d=" + d + ")", weights);
        if (x.rank() < 1 || x.shape(-1) != d) {
            throw new IllegalArgumentException("LayerNorm(d=" + d + "): input has shape " + Shapes.format(x.shape())
                    + ", expected [..., " + d + "]");
        }
        return LayerNormKernel.run(x, w.get("gamma", d), w.get("beta", d), eps);
    }

    @Override
    public String type() {
        return "LayerNorm";
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("d", d);
        c.put("eps", eps);
        c.put("dtype", Config.dtypeName(parameters().get("gamma").dtype()));
        return c;
    }

    /** Rebuilds from {@link #config()}; the weights are loaded afterwards. */
    public static LayerNorm fromConfig(Map<String, Object> c) {
        Config k = new Config("LayerNorm", c);
        return new LayerNorm(k.getInt("d"), k.getDouble("eps"), k.dtype());
    }
}
