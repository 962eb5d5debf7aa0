package jgrad.sequence;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import jgrad.backend.DType;
import jgrad.nn.Config;
import jgrad.nn.Weights;
import jgrad.nn.layers.Dropout;
import jgrad.nn.layers.Gru;
import jgrad.tensor.Tensor;

/**
 * GRU4Rec (Hidasi et al., "Session-based Recommendations with Recurrent Neural Networks", ICLR 2016) over
 * padded batches: a GRU ({@link Gru}) reads the item embeddings in time order from h_0 = 0,
 * <pre>
 *   e_t = M_{x_t} ⊙ keep_t, then dropout,     F_t = h_t = GRU(e_t, h_{t−1})
 * </pre>
 * with padding (on the left) entering as zero vectors; the scores r_{i,t} = F_t · M_i and the loss with
 * sampled negatives are those of {@link SequenceModel} (the output embedding is tied to the input's).
 */
public final class Gru4Rec extends SequenceModel {

    public static final String TYPE = "GRU4Rec";

    private final double dropoutRate;
    private final Dropout dropout;
    private final Gru gru;

    public Gru4Rec(int numItems, int d, int maxLength, double dropout, DType dtype, RandomGenerator rng) {
        super(numItems, d, maxLength, dtype, rng);
        this.dropoutRate = dropout;
        this.dropout = child("dropout", new Dropout(dropout, rng));
        gru = child("gru", new Gru(d, d, true, dtype, rng));
    }

    @Override
    protected Tensor encode(Map<String, Tensor> weights, SequenceBatch batch) {
        int steps = batch.steps();
        Tensor keep3 = batch.keepMask(device(), dtype).reshape(batch.batch(), steps, 1);
        Tensor e = items.lookup(Weights.under(weights, "items"), batch.inputs(), batch.batch(), steps).mul(keep3);
        Tensor h0 = Tensor.zeros(device(), dtype, batch.batch(), d);
        return gru.forward(Weights.under(weights, "gru"), dropout.forward(e), h0);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    protected void putArchitecture(Map<String, Object> c) {
        c.put("dropout", dropoutRate);
    }

    public static Gru4Rec fromConfig(Map<String, Object> map) {
        Config c = new Config(TYPE, map);
        return new Gru4Rec(c.getInt("items"), c.getInt("d"), c.getInt("max_length"), c.getDouble("dropout"), c.dtype(),
                new SplittableRandom(0));
    }
}
