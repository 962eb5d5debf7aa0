package jgrad.rl;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import jgrad.autograd.Autograd;
import jgrad.backend.DType;
import jgrad.backend.Device;
import jgrad.optim.Adam;
import jgrad.optim.Optimizer;
import jgrad.tensor.Tensor;

/**
 * REINFORCE with a learned baseline on {@link CampaignEnvironment}: each iteration plays {@code episodes}
 * customers through the campaign under the current policy (actions sampled from π, rewards drawn), computes the
 * returns-to-go, and takes one Adam step on {@link CampaignPolicy#loss}. The network lives on {@code device};
 * only the action probabilities come to the host, to draw the actions.
 */
public final class Reinforce {

    private final CampaignEnvironment environment;
    private final CampaignPolicy policy;
    private final Device device;

    public Reinforce(CampaignEnvironment environment, int hidden, RandomGenerator random, Device device) {
        this.environment = environment;
        this.policy = new CampaignPolicy(environment.observationSize(), CampaignEnvironment.ACTIONS.size(), hidden,
                DType.F32, random);
        this.device = device;
        policy.to(device);
    }

    public CampaignPolicy policy() {
        return policy;
    }

    /** Trains for {@code iterations} batches; returns each batch's mean sampled return per customer. */
    public double[] train(int iterations, int episodes, double learningRate, RandomGenerator random) {
        Optimizer opt = Adam.keras(learningRate).bind(policy);
        int weeks = environment.weeks();
        int actions = CampaignEnvironment.ACTIONS.size();
        double[] history = new double[iterations];
        for (int it = 0; it < iterations; it++) {
            List<CampaignEnvironment.State> states = starts(episodes, random);
            float[] observations = new float[episodes * weeks * environment.observationSize()];
            float[] oneHot = new float[episodes * weeks * actions];
            double[][] rewards = new double[episodes][weeks];
            for (int w = 0; w < weeks; w++) {
                float[] pi = probabilities(states);
                for (int e = 0; e < episodes; e++) {
                    CampaignEnvironment.State s = states.get(e);
                    int a = draw(pi, e * actions, actions, random.nextDouble());
                    int row = e * weeks + w;
                    copy(environment.observation(s), observations, row * environment.observationSize());
                    oneHot[row * actions + a] = 1;
                    rewards[e][w] = environment.reward(s, a, random);
                    states.set(e, environment.next(s, a));
                }
            }
            float[] returns = new float[episodes * weeks];
            double total = 0;
            for (int e = 0; e < episodes; e++) {
                double g = 0;
                for (int w = weeks - 1; w >= 0; w--) {
                    g += rewards[e][w];
                    returns[e * weeks + w] = (float) g;
                }
                total += g;
            }
            history[it] = total / episodes;
            opt.zeroGrad();
            policy.loss(Tensor.of(observations, episodes * weeks, environment.observationSize()).to(device),
                    Tensor.of(oneHot, episodes * weeks, actions).to(device),
                    Tensor.of(returns, episodes * weeks, 1).to(device)).backward();
            opt.step();
        }
        return history;
    }

    /**
     * The mean expected return per customer of the policy over {@code episodes} customers, drawn like
     * {@link CampaignEnvironment#evaluate} (all customers first, so equal seeds give the baselines' customers);
     * each step counts its expected reward. {@code greedy} plays argmax π instead of sampling from π.
     */
    public double evaluate(int episodes, boolean greedy, RandomGenerator random) {
        List<CampaignEnvironment.State> states = starts(episodes, random);
        int actions = CampaignEnvironment.ACTIONS.size();
        double total = 0;
        for (int w = 0; w < environment.weeks(); w++) {
            float[] pi = probabilities(states);
            for (int e = 0; e < episodes; e++) {
                int a = greedy ? argmax(pi, e * actions, actions) : draw(pi, e * actions, actions, random.nextDouble());
                total += environment.expectedReward(states.get(e), a);
                states.set(e, environment.next(states.get(e), a));
            }
        }
        return total / episodes;
    }

    private static int argmax(float[] p, int offset, int k) {
        int best = 0;
        for (int a = 1; a < k; a++) {
            best = p[offset + a] > p[offset + best] ? a : best;
        }
        return best;
    }

    private List<CampaignEnvironment.State> starts(int episodes, RandomGenerator random) {
        List<CampaignEnvironment.State> states = new ArrayList<>(episodes);
        for (int e = 0; e < episodes; e++) {
            states.add(environment.start(random));
        }
        return states;
    }

    /** π(·|s) for every state, computed on the device and brought to the host to draw actions. */
    private float[] probabilities(List<CampaignEnvironment.State> states) {
        int d = environment.observationSize();
        float[] obs = new float[states.size() * d];
        for (int e = 0; e < states.size(); e++) {
            copy(environment.observation(states.get(e)), obs, e * d);
        }
        try (var ignored = Autograd.noGrad()) {
            return policy.logits(Tensor.of(obs, states.size(), d).to(device)).softmax(1).to(Device.CPU).toFloatArray();
        }
    }

    private static void copy(double[] from, float[] to, int offset) {
        for (int i = 0; i < from.length; i++) {
            to[offset + i] = (float) from[i];
        }
    }

    private static int draw(float[] p, int offset, int k, double u) {
        double cumulative = 0;
        for (int a = 0; a < k; a++) {
            cumulative += p[offset + a];
            if (u < cumulative) {
                return a;
            }
        }
        return k - 1;
    }
}
