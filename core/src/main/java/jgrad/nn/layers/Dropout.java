package jgrad.nn.layers;

import java.util.SplittableRandom;
import java.util.Map;
import java.util.random.RandomGenerator;

import jgrad.nn.Config;
import jgrad.nn.Layer;
import jgrad.nn.Module;
import jgrad.backend.Storage;
import jgrad.tensor.Tensor;

/**
 * Inverted dropout: in training, y = x ⊙ m / (1 − p) with m_i ~ Bernoulli(1 − p) drawn from the
 * caller's seeded generator, so that E[y] = x and evaluation needs no rescaling; in evaluation
 * mode (and for p = 0), y = x.
 */
public final class Dropout extends Module implements Layer {

    private final double p;
    private final RandomGenerator rng;

    public Dropout(double p, RandomGenerator rng) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("Dropout: rate p must be in [0, 1), got " + p);
        }
        this.p = p;
        this.rng = rng;
    }

    @Override
    public Tensor forward(Tensor x) {
        if (!isTraining() || p == 0) {
            return x;
        }
        return x.mul(mask(x));
    }

    /** m / (1 − p): 0 with probability p, else 1/(1 − p). One random draw per element. */
    private Tensor mask(Tensor x) {
        Tensor m = Tensor.zeros(x.dtype(), x.shape());
        Storage s = m.storage();
        double keep = 1 / (1 - p);
        int n = m.numel();     // computed from the shape on each call: once, not per element
        for (int i = 0; i < n; i++) {
            s.set(i, rng.nextDouble() >= p ? keep : 0);
        }
        return m.to(x.device());
    }

    public double rate() {
        return p;
    }

    @Override
    public String type() {
        return "Dropout";
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("rate", p);
    }

    /** Rebuilds from {@link #config()}, drawing masks from a generator seeded with config "seed" (default 0). */
    public static Dropout fromConfig(Map<String, Object> c) {
        Config k = new Config("Dropout", c);
        return new Dropout(k.getDouble("rate", 0), new SplittableRandom(k.getInt("seed", 0)));
    }
}
