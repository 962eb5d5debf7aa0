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

    /**
     * {@link #forward} of causal attention weights α [..., Tq, Tk], whose query row t (at position t + Tk − Tq) is 0
     * beyond its own key: the same output, bit for bit, and the same draws consumed (one per element of α), but the
     * mask is drawn only where α can be nonzero, which is about half of it. The gradient beyond is 0 instead of g
     * times the mask, which the attention's softmax ignores there (its α is 0), so the attention's gradients are
     * the same too.
     */
    public Tensor forwardCausal(Tensor alpha) {
        if (!isTraining() || p == 0) {
            return alpha;
        }
        int keys = alpha.shape(-1);
        int queries = alpha.shape(-2);
        int rows = alpha.numel() / Math.max(1, keys);
        Tensor m = Tensor.forOverwrite(alpha.device(), alpha.dtype(), alpha.shape());
        long first = drawn;
        m.backend().forSlices(rows, 20L * keys, (lo, hi) -> {
            for (int r = lo; r < hi; r++) {
                int seen = r % queries + keys - queries + 1;
                m.backend().dropoutMask(seen, seed, first + (long) r * keys, p, m.storage(), r * keys);
                m.backend().fill(keys - seen, m.storage(), r * keys + seen, 0);
            }
        });
        drawn += m.numel();
        return alpha.mul(m);
    }

    /** m / (1 − p): 0 with probability p, else 1/(1 − p). One Philox draw per element. */
    private Tensor mask(Tensor x) {
        Tensor m = Tensor.forOverwrite(x.device(), x.dtype(), x.shape());
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
