package jgrad.nn.layers;

import java.util.Map;
import java.util.random.RandomGenerator;

import jgrad.nn.Config;
import jgrad.nn.Layer;
import jgrad.nn.Module;
import jgrad.tensor.Tensor;

/**
 * Inverted dropout: in training, y = x ⊙ m / (1 − p) with m_i ~ Bernoulli(1 − p), so that E[y] = x
 * and evaluation needs no rescaling; in evaluation mode (and for p = 0), y = x.
 *
 * <p>The mask is drawn on the tensor's device by {@link jgrad.backend.Backend#dropoutMask} from the
 * counter-based Philox generator: element i of the k-th mask element drawn by this layer is kept
 * when Philox(seed, k) ≥ p. So the same seed gives the same masks on the scalar, SIMD and CUDA
 * backends, and no mask is made on the host.
 */
public final class Dropout extends Module implements Layer {

    private final double p;
    private final long seed;
    /** How many mask elements this layer has drawn: the Philox counter of the next one. */
    private long drawn;

    /** Dropout whose masks come from the Philox stream {@code seed}. */
    public Dropout(double p, long seed) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("Dropout: rate p must be in [0, 1), got " + p);
        }
        this.p = p;
        this.seed = seed;
    }

    /** Dropout whose Philox seed is the next long of the caller's seeded generator. */
    public Dropout(double p, RandomGenerator rng) {
        this(p, rng.nextLong());
    }

    @Override
    public Tensor forward(Tensor x) {
        if (!isTraining() || p == 0) {
            return x;
        }
        return x.mul(mask(x));
    }

    /** m / (1 − p): 0 with probability p, else 1/(1 − p). One Philox draw per element. */
    private Tensor mask(Tensor x) {
        Tensor m = Tensor.zeros(x.device(), x.dtype(), x.shape());
        m.backend().dropoutMask(m.numel(), seed, drawn, p, m.storage(), 0);
        drawn += m.numel();
        return m;
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
        return new Dropout(k.getDouble("rate", 0), (long) k.getInt("seed", 0));
    }
}
