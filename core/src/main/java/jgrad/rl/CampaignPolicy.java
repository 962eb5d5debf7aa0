package jgrad.rl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

import jgrad.backend.DType;
import jgrad.nn.Activation;
import jgrad.nn.Module;
import jgrad.nn.layers.Dense;
import jgrad.nn.loss.Losses;
import jgrad.tensor.Tensor;

/**
 * The policy π(a|s) = softmax(W_π₂ tanh(W_π₁ s + b_π₁) + b_π₂) and the learned baseline
 * V(s) = W_v₂ tanh(W_v₁ s + b_v₁) + b_v₂, trained together by the REINFORCE-with-baseline loss over a batch of
 * steps with returns-to-go G:
 * <pre>
 *   loss = −mean( log π(a|s) · (G − V(s))ₛₜₒₚ ) + ½ · mean( (G − V(s))² )
 * </pre>
 * where (·)ₛₜₒₚ is not differentiated (the baseline changes the gradient's variance, not its mean).
 */
public final class CampaignPolicy extends Module {

    private final Dense policyHidden;
    private final Dense policyOut;
    private final Dense valueHidden;
    private final Dense valueOut;

    public CampaignPolicy(int observations, int actions, int hidden, DType dtype, RandomGenerator random) {
        policyHidden = child("policy_hidden", new Dense(observations, hidden, Activation.TANH, dtype, random));
        policyOut = child("policy_out", new Dense(hidden, actions, Activation.LINEAR, dtype, random));
        valueHidden = child("value_hidden", new Dense(observations, hidden, Activation.TANH, dtype, random));
        valueOut = child("value_out", new Dense(hidden, 1, Activation.LINEAR, dtype, random));
    }

    /** Action logits [n, actions] for observations [n, observations]. */
    public Tensor logits(Tensor observations) {
        return logits(parameters(), observations);
    }

    /** The same with the given weights, named as in {@link #parameters()} ({@code policy_hidden.W}, …). */
    public Tensor logits(Map<String, Tensor> weights, Tensor observations) {
        return policyOut.forward(part(weights, "policy_out."),
                policyHidden.forward(part(weights, "policy_hidden."), observations));
    }

    /** V(s) [n, 1]. */
    public Tensor value(Tensor observations) {
        return value(parameters(), observations);
    }

    /** V(s) with the given weights. */
    public Tensor value(Map<String, Tensor> weights, Tensor observations) {
        return valueOut.forward(part(weights, "value_out."), valueHidden.forward(part(weights, "value_hidden."), observations));
    }

    /** The loss above, for observations [n, d], one-hot actions [n, K] and returns-to-go [n, 1]. */
    public Tensor loss(Tensor observations, Tensor actionsOneHot, Tensor returns) {
        return loss(parameters(), observations, actionsOneHot, returns);
    }

    /** The loss with the given weights. */
    public Tensor loss(Map<String, Tensor> weights, Tensor observations, Tensor actionsOneHot, Tensor returns) {
        Tensor v = value(weights, observations);
        Tensor advantage = returns.sub(v.detach());
        Tensor logPi = logits(weights, observations).logSoftmax(1).mul(actionsOneHot).sum(1, true);
        Tensor policyLoss = logPi.mul(advantage).mean().neg();
        return policyLoss.add(Losses.mse(v, returns).mul(0.5));
    }

    private static Map<String, Tensor> part(Map<String, Tensor> weights, String prefix) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        weights.forEach((k, w) -> {
            if (k.startsWith(prefix)) {
                m.put(k.substring(prefix.length()), w);
            }
        });
        return m;
    }
}
