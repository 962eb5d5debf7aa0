package jgrad.sequence;

import java.util.Map;
import java.util.random.RandomGenerator;

import jgrad.backend.DType;
import jgrad.nn.Activation;
import jgrad.nn.Module;
import jgrad.nn.Weights;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Dropout;
import jgrad.nn.norm.LayerNorm;
import jgrad.nn.transformer.MultiHeadAttention;
import jgrad.tensor.Tensor;

/**
 * SASRec's block as Kang and McAuley's code computes it (and the public PyTorch port), which differs from a
 * pre-norm Transformer block in where its residuals start: with causal attention MHA(queries, keys) over the
 * kept keys ({@link MultiHeadAttention}) and dropout on its weights α,
 * <pre>
 *   q  = LN_1(x)
 *   y1 = q + MHA(q, x)                                       (queries normalized, keys and values not)
 *   z  = LN_2(y1)
 *   y  = z + Dropout(W_2 Dropout(relu(W_1 z + b_1)) + b_2)   (point-wise feed-forward, d → d → d)
 * </pre>
 * Parameter names are those of {@link jgrad.nn.transformer.TransformerBlock}: {@code attention.W_q …},
 * {@code norm1}, {@code ff1}, {@code ff2}, {@code norm2}.
 */
final class SasRecBlock extends Module implements SasRec.Stacked {

    private final MultiHeadAttention attention;
    private final LayerNorm norm1;
    private final Dense ff1;
    private final Dense ff2;
    private final LayerNorm norm2;
    private final Dropout dropWeights;
    private final Dropout dropHidden;
    private final Dropout dropOutput;

    SasRecBlock(int d, int heads, double dropout, double eps, DType dtype, RandomGenerator rng) {
        attention = child("attention", new MultiHeadAttention(d, heads, true, dtype, rng));
        norm1 = child("norm1", new LayerNorm(d, eps, dtype));
        ff1 = child("ff1", new Dense(d, d, Activation.RELU, dtype, rng));
        ff2 = child("ff2", new Dense(d, d, Activation.LINEAR, dtype, rng));
        norm2 = child("norm2", new LayerNorm(d, eps, dtype));
        dropWeights = child("dropout_attention", new Dropout(dropout, rng));
        dropHidden = child("dropout1", new Dropout(dropout, rng));
        dropOutput = child("dropout2", new Dropout(dropout, rng));
    }

    /** y for x [B, T, d] and the keep mask [B, T]. */
    @Override
    public Tensor forward(Map<String, Tensor> weights, Tensor x, Tensor keep) {
        Tensor q = norm1.forward(Weights.under(weights, "norm1"), x);
        return rest(weights, q, x, keep);
    }

    /** y at the last step only, [B, 1, d]: the last step of {@link #forward} (the attention is causal), with one query. */
    @Override
    public Tensor forwardLast(Map<String, Tensor> weights, Tensor x, Tensor keep) {
        Tensor q = norm1.forward(Weights.under(weights, "norm1"), x.narrow(1, x.shape(1) - 1, 1));
        return rest(weights, q, x, keep);
    }

    /** y from the normalized queries q and the sequence x. */
    private Tensor rest(Map<String, Tensor> weights, Tensor q, Tensor x, Tensor keep) {
        Tensor y1 = q.add(attention.forward(Weights.under(weights, "attention"), q, x, keep, dropWeights::forwardCausal).y());
        Tensor z = norm2.forward(Weights.under(weights, "norm2"), y1);
        Tensor hidden = dropHidden.forward(ff1.forward(Weights.under(weights, "ff1"), z));
        return z.add(dropOutput.forward(ff2.forward(Weights.under(weights, "ff2"), hidden)));
    }
}
