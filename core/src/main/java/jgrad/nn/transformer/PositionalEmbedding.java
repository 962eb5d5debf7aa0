package jgrad.nn.transformer;

import jgrad.nn.Config;
import java.util.Map;
import java.util.random.RandomGenerator;

import jgrad.backend.DType;
import jgrad.nn.Layer;
import jgrad.nn.Module;
import jgrad.nn.Weights;
import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/**
 * Learned positional embeddings (SASRec §3.2): y[b, t] = x[b, t] + P[s + t] for x [B, T, d], a table
 * P [maxLength, d] trained with the model (start: U(±0.05), Keras's embedding default) and a first
 * position s (0 unless given; SASRec pads sequences on the left to maxLength, so a batch of T &lt; maxLength
 * steps that stands for the right end of such padded sequences starts at s = maxLength − T).
 */
public final class PositionalEmbedding extends Module implements Layer {

    private final int maxLength;
    private final int d;

    public PositionalEmbedding(int maxLength, int d, DType dtype, RandomGenerator rng) {
        if (maxLength < 1 || d < 1) {
            throw new IllegalArgumentException("PositionalEmbedding: sizes must be positive, got " + maxLength + ", " + d);
        }
        this.maxLength = maxLength;
        this.d = d;
        param("P", Tensor.rand(rng, dtype, -0.05, 0.05, maxLength, d));
    }

    @Override
    public Tensor forward(Tensor x) {
        return forward(parameters(), x, 0);
    }

    /** x + P[first …], with the given weights ({@code P}). */
    public Tensor forward(Map<String, Tensor> weights, Tensor x, int first) {
        if (x.rank() != 3 || x.shape(2) != d || first < 0 || first + x.shape(1) > maxLength) {
            throw new IllegalArgumentException("PositionalEmbedding(max=" + maxLength + ", d=" + d + "): input has shape "
                    + Shapes.format(x.shape()) + " from position " + first + ", expected [B, T, " + d
                    + "] with first + T <= " + maxLength);
        }
        return x.add(new Weights("PositionalEmbedding", weights).get("P", maxLength, d).narrow(0, first, x.shape(1)));
    }

    @Override
    public String type() {
        return "PositionalEmbedding";
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new java.util.LinkedHashMap<>();   // ordered, so a save is byte-reproducible
        c.put("max_length", maxLength);
        c.put("d", d);
        c.put("dtype", Config.dtypeName(parameters().get("P").dtype()));
        return c;
    }

    /** Rebuilds from {@link #config()}; the weights are loaded afterwards, so the start is irrelevant. */
    public static PositionalEmbedding fromConfig(Map<String, Object> c) {
        Config k = new Config("PositionalEmbedding", c);
        return new PositionalEmbedding(k.getInt("max_length"), k.getInt("d"), k.dtype(), new java.util.SplittableRandom(0));
    }
}
