package jgrad.sequence;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import jgrad.backend.DType;
import jgrad.nn.Config;
import jgrad.nn.Weights;
import jgrad.nn.layers.Dropout;
import jgrad.nn.norm.LayerNorm;
import jgrad.nn.transformer.PositionalEmbedding;
import jgrad.nn.transformer.TransformerBlock;
import jgrad.tensor.Tensor;

/**
 * SASRec (Kang and McAuley, "Self-Attentive Sequential Recommendation", ICDM 2018). With the input items
 * x_1 … x_T padded on the left, keep_t = 1 at item steps and 0 at padding:
 * <pre>
 *   E_t  = (√d · M_{x_t} + P_t) ⊙ keep_t, then dropout                     (§3.1–3.2; P learned)
 *   E   ← Block_b(E, keep) ⊙ keep,   b = 1 … blocks                        (§3.3: causal self-attention over kept
 *                                                                           keys, point-wise FFN d → d → d,
 *                                                                           residuals, dropout)
 *   F   = LayerNorm(E)
 * </pre>
 * The block is one of {@link Block}: a pre-norm Transformer block, or the block of the authors' code, whose
 * residuals start from the normalized sequence ({@link SasRecBlock}).
 * and the scores and loss of {@link SequenceModel}. The paper's setting for ML-1M: 2 blocks, 1 head, d = 50,
 * maximum length 200, dropout 0.2.
 */
public final class SasRec extends SequenceModel {

    public static final String TYPE = "SASRec";

    /** Which block the model stacks. */
    public enum Block {
        /** y1 = x + Dropout(MHA(LN_1(x))), y = y1 + Dropout(FFN(LN_2(y1))) ({@link TransformerBlock}, pre-norm) */
        PRENORM,
        /** the authors' code: residuals from the normalized sequence, dropout on α and inside the FFN ({@link SasRecBlock}) */
        REFERENCE
    }

    /** One block's forward from its weights: x [B, T, d] and the keep mask [B, T]; at every step, or the last. */
    interface Stacked {
        Tensor forward(Map<String, Tensor> weights, Tensor x, Tensor keep);

        Tensor forwardLast(Map<String, Tensor> weights, Tensor x, Tensor keep);
    }

    private record PreNorm(TransformerBlock block) implements Stacked {
        @Override
        public Tensor forward(Map<String, Tensor> weights, Tensor x, Tensor keep) {
            return block.forward(weights, x, keep);
        }

        @Override
        public Tensor forwardLast(Map<String, Tensor> weights, Tensor x, Tensor keep) {
            return block.forwardLast(weights, x, keep);
        }
    }
    private static final double LAYER_NORM_EPS = 1e-8;

    private final int blocks;
    private final int heads;
    private final double dropoutRate;
    private final PositionalEmbedding positions;
    private final Dropout dropout;
    private final Block block;
    private final Stacked[] layers;
    private final LayerNorm finalNorm;

    public SasRec(int numItems, int d, int maxLength, int blocks, int heads, double dropout, DType dtype,
                  RandomGenerator rng) {
        this(numItems, d, maxLength, blocks, heads, dropout, Block.PRENORM, dtype, rng);
    }

    public SasRec(int numItems, int d, int maxLength, int blocks, int heads, double dropout, Block block, DType dtype,
                  RandomGenerator rng) {
        super(numItems, d, maxLength, dtype, rng);
        if (blocks < 1) {
            throw new IllegalArgumentException("SASRec: needs at least one block, got " + blocks);
        }
        this.blocks = blocks;
        this.heads = heads;
        this.dropoutRate = dropout;
        positions = child("positions", new PositionalEmbedding(maxLength, d, dtype, rng));
        this.dropout = child("dropout", new Dropout(dropout, rng));
        this.block = java.util.Objects.requireNonNull(block, "block");
        layers = new Stacked[blocks];
        for (int b = 0; b < blocks; b++) {
            layers[b] = block == Block.PRENORM
                    ? new PreNorm(child("block" + b, new TransformerBlock(d, heads, d, true, true, dropout, LAYER_NORM_EPS,
                            dtype, rng)))
                    : child("block" + b, new SasRecBlock(d, heads, dropout, LAYER_NORM_EPS, dtype, rng));
        }
        finalNorm = child("norm", new LayerNorm(d, LAYER_NORM_EPS, dtype));
    }

    /** The paper's model: 2 blocks, 1 head, d = 50, maximum length 200, dropout 0.2. */
    public static SasRec paper(int numItems, DType dtype, RandomGenerator rng) {
        return new SasRec(numItems, 50, 200, 2, 1, 0.2, dtype, rng);
    }

    @Override
    protected Tensor encode(Map<String, Tensor> weights, SequenceBatch batch) {
        Tensor keep = batch.keepMask(device(), dtype);
        Tensor keep3 = keep.reshape(batch.batch(), batch.steps(), 1);
        Tensor e = embed(weights, batch, keep3);
        for (int b = 0; b < blocks; b++) {
            e = layers[b].forward(Weights.under(weights, "block" + b), e, keep).mul(keep3);
        }
        return finalNorm.forward(Weights.under(weights, "norm"), e);
    }

    /** F at the last step: every block at every step but the last block, which needs only its last step's query. */
    @Override
    protected Tensor encodeLast(Map<String, Tensor> weights, SequenceBatch batch) {
        int steps = batch.steps();
        Tensor keep = batch.keepMask(device(), dtype);
        Tensor keep3 = keep.reshape(batch.batch(), steps, 1);
        Tensor e = embed(weights, batch, keep3);
        for (int b = 0; b < blocks - 1; b++) {
            e = layers[b].forward(Weights.under(weights, "block" + b), e, keep).mul(keep3);
        }
        e = layers[blocks - 1].forwardLast(Weights.under(weights, "block" + (blocks - 1)), e, keep)
                .mul(keep3.narrow(1, steps - 1, 1));
        return finalNorm.forward(Weights.under(weights, "norm"), e).reshape(batch.batch(), d);
    }

    /** E = (√d · M_x + P) ⊙ keep, then dropout. */
    private Tensor embed(Map<String, Tensor> weights, SequenceBatch batch, Tensor keep3) {
        int steps = batch.steps();
        Tensor e = items.lookup(Weights.under(weights, "items"), batch.inputs(), batch.batch(), steps).mul(Math.sqrt(d));
        e = positions.forward(Weights.under(weights, "positions"), e, maxLength - steps);
        return dropout.forward(e.mul(keep3));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    protected void putArchitecture(Map<String, Object> c) {
        c.put("blocks", blocks);
        c.put("heads", heads);
        c.put("dropout", dropoutRate);
        c.put("block", block.name().toLowerCase(java.util.Locale.ROOT));
    }

    private static Block block(String name) {
        for (Block b : Block.values()) {
            if (b.name().equalsIgnoreCase(name)) {
                return b;
            }
        }
        throw new IllegalArgumentException("SASRec: block must be 'prenorm' or 'reference', got '" + name + "'");
    }

    public static SasRec fromConfig(Map<String, Object> map) {
        Config c = new Config(TYPE, map);
        return new SasRec(c.getInt("items"), c.getInt("d"), c.getInt("max_length"), c.getInt("blocks"),
                c.getInt("heads"), c.getDouble("dropout"),
                block(c.getString("block", "prenorm")), c.dtype(), new SplittableRandom(0));
    }
}
