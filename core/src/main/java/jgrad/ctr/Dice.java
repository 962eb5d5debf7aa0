package jgrad.ctr;

import java.util.Map;

import jgrad.autograd.Autograd;
import jgrad.backend.DType;
import jgrad.nn.Module;
import jgrad.nn.Weights;
import jgrad.tensor.Tensor;

/**
 * Dice, the data-adaptive activation of Deep Interest Network (Zhou et al. 2018 §5.2): for each channel
 * k of s [..., K],
 * <pre>
 *   p(s) = σ((s − E[s]) / √(Var[s] + ε)),     f(s) = p(s) · s + (1 − p(s)) · α_k · s
 * </pre>
 * a PReLU whose switch point follows the distribution of its input. In training, E[s] and Var[s] (biased)
 * are the batch's, over every row of the leading dimensions, and the gradient flows through them (as in the
 * paper's code, a batch normalization without scale or shift); the running statistics
 * m · running + (1 − m) · batch (m = 0.99) are buffers used in evaluation. α starts at 0 (then Dice is
 * s · p(s)); ε = 1e-8.
 */
public final class Dice extends Module {

    static final double EPSILON = 1e-8;
    static final double MOMENTUM = 0.99;

    private final int channels;
    private final Tensor runningMean;
    private final Tensor runningVar;

    public Dice(int channels, DType dtype) {
        if (channels <= 0) {
            throw new IllegalArgumentException("Dice: channels must be positive, got " + channels);
        }
        this.channels = channels;
        param("alpha", Tensor.zeros(dtype, channels));
        runningMean = buffer("running_mean", Tensor.zeros(dtype, channels));
        runningVar = buffer("running_var", Tensor.ones(dtype, channels));
    }

    public Tensor forward(Tensor s) {
        return forward(parameters(), s);
    }

    /** f(s) with the given α; s [..., channels]. */
    public Tensor forward(Map<String, Tensor> weights, Tensor s) {
        Tensor alpha = new Weights(name(), weights).get("alpha", channels);
        if (s.rank() < 2 || s.shape(s.rank() - 1) != channels) {
            throw new IllegalArgumentException(name() + ": input must be [..., " + channels + "], got "
                    + java.util.Arrays.toString(s.shape()));
        }
        Tensor rows = s.reshape(-1, channels);
        Tensor normalized;
        if (isTraining()) {
            Tensor mean = rows.mean(0, true);
            Tensor centered = rows.sub(mean);
            Tensor variance = centered.mul(centered).mean(0, true);
            normalized = centered.div(variance.add(EPSILON).sqrt());
            updateRunning(mean, variance);
        } else {
            normalized = rows.sub(runningMean).div(runningVar.add(EPSILON).sqrt());
        }
        Tensor p = normalized.sigmoid();
        Tensor gate = p.add(alpha.mul(p.neg().add(1)));
        return rows.mul(gate).reshape(s.shape());
    }

    private void updateRunning(Tensor mean, Tensor variance) {
        try (var off = Autograd.noGrad()) {
            runningMean.copyFrom(runningMean.mul(MOMENTUM).add(mean.detach().reshape(channels).mul(1 - MOMENTUM)));
            runningVar.copyFrom(runningVar.mul(MOMENTUM).add(variance.detach().reshape(channels).mul(1 - MOMENTUM)));
        }
    }

    private String name() {
        return "Dice(" + channels + ")";
    }
}
