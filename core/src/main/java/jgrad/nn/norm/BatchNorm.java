package jgrad.nn.norm;

import jgrad.nn.Config;
import java.util.LinkedHashMap;
import java.util.Map;

import jgrad.autograd.Autograd;
import jgrad.backend.DType;
import jgrad.nn.Layer;
import jgrad.nn.Module;
import jgrad.nn.Weights;
import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/**
 * Batch normalization (Ioffe and Szegedy 2015) of channel c of x [B, C] or [B, C, H, W]. In training,
 * over the N values of the channel in the batch (N = B, or B·H·W):
 * <pre>
 *   μ_c = (1/N) Σ x,   σ²_c = (1/N) Σ (x − μ_c)²,   y = γ_c (x − μ_c) / √(σ²_c + ε) + β_c
 * </pre>
 * with gradients through μ_c and σ²_c, and the running statistics (module buffers, saved and moved
 * with the model) updated once per forward with Keras's momentum m:
 * <pre>
 *   running_mean ← m · running_mean + (1 − m) μ_c,   running_var ← m · running_var + (1 − m) σ²_c · N/(N − 1)
 * </pre>
 * (PyTorch's momentum is 1 − m; the variance kept is the unbiased one, as PyTorch keeps it). In
 * evaluation, y = γ_c (x − running_mean_c) / √(running_var_c + ε) + β_c. Starts: γ ones, β zeros,
 * running_mean zeros, running_var ones.
 */
public final class BatchNorm extends Module implements Layer {

    private final int channels;
    private final double momentum;
    private final double eps;
    private final Tensor runningMean;
    private final Tensor runningVar;

    /** Keras's defaults: momentum 0.99, ε 1e-3. */
    public BatchNorm(int channels, DType dtype) {
        this(channels, 0.99, 1e-3, dtype);
    }

    /** {@code momentum} as Keras: the weight of the old running statistics. */
    public BatchNorm(int channels, double momentum, double eps, DType dtype) {
        if (channels < 1 || !(momentum >= 0 && momentum <= 1) || !(eps > 0)) {
            throw new IllegalArgumentException("BatchNorm: needs channels >= 1, momentum in [0, 1] and eps > 0, got "
                    + channels + ", " + momentum + ", " + eps);
        }
        this.channels = channels;
        this.momentum = momentum;
        this.eps = eps;
        param("gamma", Tensor.ones(dtype, channels));
        param("beta", Tensor.zeros(dtype, channels));
        runningMean = buffer("running_mean", Tensor.zeros(dtype, channels));
        runningVar = buffer("running_var", Tensor.ones(dtype, channels));
    }

    @Override
    public Tensor forward(Tensor x) {
        return forward(parameters(), x);
    }

    public Tensor forward(Map<String, Tensor> weights, Tensor x) {
        Weights w = new Weights(name(), weights);
        if ((x.rank() != 2 && x.rank() != 4) || x.shape(1) != channels) {
            throw new IllegalArgumentException(name() + ": input has shape " + Shapes.format(x.shape())
                    + ", expected [B, " + channels + "] or [B, " + channels + ", H, W]");
        }
        int[] axes = x.rank() == 2 ? new int[] {0} : new int[] {0, 2, 3};
        int[] perChannel = x.rank() == 2 ? new int[] {channels} : new int[] {channels, 1, 1};
        Tensor gamma = w.get("gamma", channels).reshape(perChannel);
        Tensor beta = w.get("beta", channels).reshape(perChannel);
        if (!isTraining()) {
            Tensor centered = x.sub(runningMean.reshape(perChannel));
            return centered.div(runningVar.reshape(perChannel).add(eps).sqrt()).mul(gamma).add(beta);
        }
        int n = x.numel() / channels;
        if (n < 2) {
            throw new IllegalArgumentException(name() + ": training needs at least 2 values per channel, got "
                    + Shapes.format(x.shape()));
        }
        Tensor mean = x.mean(axes, true);
        Tensor centered = x.sub(mean);
        Tensor variance = centered.mul(centered).mean(axes, true);
        update(mean.detach().reshape(channels), variance.detach().reshape(channels).mul(n / (n - 1.0)));
        return centered.div(variance.add(eps).sqrt()).mul(gamma).add(beta);
    }

    private void update(Tensor batchMean, Tensor unbiasedVar) {
        try (var off = Autograd.noGrad()) {
            runningMean.copyFrom(runningMean.mul(momentum).add(batchMean.mul(1 - momentum)));
            runningVar.copyFrom(runningVar.mul(momentum).add(unbiasedVar.mul(1 - momentum)));
        }
    }

    public Tensor runningMean() {
        return runningMean;
    }

    public Tensor runningVar() {
        return runningVar;
    }

    private String name() {
        return "BatchNorm(channels=" + channels + ")";
    }

    @Override
    public String type() {
        return "BatchNorm";
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("channels", channels);
        c.put("momentum", momentum);
        c.put("eps", eps);
        c.put("dtype", Config.dtypeName(parameters().get("gamma").dtype()));
        return c;
    }

    /** Rebuilds from {@link #config()}; the weights and running statistics are loaded afterwards. */
    public static BatchNorm fromConfig(Map<String, Object> c) {
        Config k = new Config("BatchNorm", c);
        return new BatchNorm(k.getInt("channels"), k.getDouble("momentum"), k.getDouble("eps"), k.dtype());
    }
}
