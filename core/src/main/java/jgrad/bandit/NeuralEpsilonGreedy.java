package jgrad.bandit;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import jgrad.autograd.Autograd;
import jgrad.backend.Device;
import jgrad.nn.Activation;
import jgrad.nn.Module;
import jgrad.nn.layers.Dense;
import jgrad.nn.loss.Losses;
import jgrad.optim.Adam;
import jgrad.optim.Optimizer;
import jgrad.tensor.Tensor;

/**
 * A neural bandit on the engine: ε-greedy on a network's reward estimates. The network
 * s(x) = W₂ relu(W₁x + b₁) + b₂ gives one logit per arm, σ(s_a(x)) estimates arm a's reward probability, and
 * it is trained on the rounds seen so far, each teaching only the arm that was played:
 * <pre>
 *   loss = mean BCE(σ(Σ_a e_{a_i,a} s_a(x_i)), r_i)
 * </pre>
 * with one Adam step (1e-2) on 256 rounds drawn from the history after every {@code every} rounds. It plays a
 * random arm with probability ε_t = ε₀/(1 + decay·t), else argmax_a s_a(x). Rewards must be 0 or 1.
 */
public final class NeuralEpsilonGreedy extends Module implements BanditPolicy {

    private static final int BATCH = 256;

    private final Dense hidden;
    private final Dense out;
    private final int arms;
    private final double epsilon0;
    private final double decay;
    private final int every;
    private final RandomGenerator random;
    private final Device device;
    private final Optimizer optimizer;
    private double[][] contexts = new double[1024][];
    private int[] played = new int[1024];
    private float[] rewards = new float[1024];
    private int rounds;

    public NeuralEpsilonGreedy(int arms, int dimension, int hiddenUnits, double epsilon0, double decay, int every,
                               RandomGenerator random, Device device) {
        if (arms < 2 || every < 1 || !(epsilon0 >= 0 && epsilon0 <= 1) || !(decay >= 0)) {
            throw new IllegalArgumentException("a neural bandit needs at least 2 arms, every >= 1, 0 <= ε₀ <= 1 and"
                    + " decay >= 0, got " + arms + ", " + every + ", " + epsilon0 + ", " + decay);
        }
        this.hidden = child("hidden", new Dense(dimension, hiddenUnits, Activation.RELU, random));
        this.out = child("out", new Dense(hiddenUnits, arms, Activation.LINEAR, random));
        this.arms = arms;
        this.epsilon0 = epsilon0;
        this.decay = decay;
        this.every = every;
        this.random = random;
        this.device = device;
        to(device);
        this.optimizer = Adam.keras(1e-2).bind(this);
    }

    /** One logit per arm, [n, arms]. */
    public Tensor logits(Tensor x) {
        return out.forward(hidden.forward(x));
    }

    /** The loss above for contexts [n, d], one-hot played arms [n, arms] and rewards [n, 1]. */
    public Tensor loss(Tensor x, Tensor playedOneHot, Tensor reward) {
        return Losses.binaryCrossEntropy(logits(x).mul(playedOneHot).sum(1, true), reward);
    }

    @Override
    public int choose(double[] context) {
        if (rounds == 0 || random.nextDouble() < epsilon0 / (1 + decay * rounds)) {
            return random.nextInt(arms);
        }
        float[] s;
        try (var ignored = Autograd.noGrad()) {
            s = logits(rows(new double[][] {context})).to(Device.CPU).toFloatArray();
        }
        return ArmStats.argmax(toDoubles(s));
    }

    @Override
    public void update(double[] context, int arm, double reward) {
        if (reward != 0 && reward != 1) {
            throw new IllegalArgumentException("the neural bandit takes rewards 0 or 1, got " + reward);
        }
        if (rounds == contexts.length) {
            contexts = Arrays.copyOf(contexts, 2 * rounds);
            played = Arrays.copyOf(played, 2 * rounds);
            rewards = Arrays.copyOf(rewards, 2 * rounds);
        }
        contexts[rounds] = context.clone();
        played[rounds] = arm;
        rewards[rounds] = (float) reward;
        rounds++;
        if (rounds % every == 0) {
            step();
        }
    }

    private void step() {
        int n = Math.min(BATCH, rounds);
        double[][] x = new double[n][];
        float[] oneHot = new float[n * arms];
        float[] r = new float[n];
        for (int i = 0; i < n; i++) {
            int k = random.nextInt(rounds);
            x[i] = contexts[k];
            oneHot[i * arms + played[k]] = 1;
            r[i] = rewards[k];
        }
        optimizer.zeroGrad();
        loss(rows(x), Tensor.of(oneHot, n, arms).to(device), Tensor.of(r, n, 1).to(device)).backward();
        optimizer.step();
    }

    private Tensor rows(double[][] x) {
        int d = x[0].length;
        float[] flat = new float[x.length * d];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < d; j++) {
                flat[i * d + j] = (float) x[i][j];
            }
        }
        return Tensor.of(flat, x.length, d).to(device);
    }

    private static double[] toDoubles(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    /** ε_t/K on every arm, plus 1 − ε_t on argmax_a s_a(x); uniform before the first round. */
    @Override
    public double[] probabilities(double[] context, int arms, int draws) {
        if (rounds == 0) {
            return Sampling.epsilonGreedy(new double[this.arms], 1);
        }
        float[] s;
        try (var ignored = Autograd.noGrad()) {
            s = logits(rows(new double[][] {context})).to(Device.CPU).toFloatArray();
        }
        return Sampling.epsilonGreedy(toDoubles(s), epsilon0 / (1 + decay * rounds));
    }

    @Override
    public String name() {
        return "neural-epsilon";
    }
}
