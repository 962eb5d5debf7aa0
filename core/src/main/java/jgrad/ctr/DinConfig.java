package jgrad.ctr;

import java.util.Arrays;

/**
 * The sizes and choices of a {@link DinModel}: embedding size D of each id (an item is its id's and its
 * genres' embeddings side by side, 2D), the MLP's hidden sizes and activation, the history pooling, the
 * local activation unit's hidden size and activation, and the dropout rate after each MLP hidden layer.
 */
public record DinConfig(int embedding, int[] mlp, Unit mlpUnit, Pooling pooling, int attentionHidden,
                        Unit attentionUnit, double dropout) {

    public DinConfig {
        if (embedding <= 0 || attentionHidden <= 0 || mlp.length == 0 || Arrays.stream(mlp).anyMatch(h -> h <= 0)) {
            throw new IllegalArgumentException("DinConfig: sizes must be positive, got embedding " + embedding
                    + ", mlp " + Arrays.toString(mlp) + ", attention hidden " + attentionHidden);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("DinConfig: dropout must be in [0, 1), got " + dropout);
        }
        mlp = mlp.clone();
    }

    /** The settings: embeddings 16, MLP 80-40 with ReLU, a unit of 36 Dice units, no dropout. */
    public static DinConfig standard(Pooling pooling) {
        return new DinConfig(16, new int[] {80, 40}, Unit.RELU, pooling, 36, Unit.DICE, 0);
    }

    public DinConfig withPooling(Pooling p) {
        return new DinConfig(embedding, mlp, mlpUnit, p, attentionHidden, attentionUnit, dropout);
    }

    public DinConfig withMlpUnit(Unit u) {
        return new DinConfig(embedding, mlp, u, pooling, attentionHidden, attentionUnit, dropout);
    }

    public DinConfig withAttentionUnit(Unit u) {
        return new DinConfig(embedding, mlp, mlpUnit, pooling, attentionHidden, u, dropout);
    }

    public DinConfig withDropout(double rate) {
        return new DinConfig(embedding, mlp, mlpUnit, pooling, attentionHidden, attentionUnit, rate);
    }

    @Override
    public int[] mlp() {
        return mlp.clone();
    }

    @Override
    public String toString() {
        return "embeddings " + embedding + ", MLP " + String.join("-", Arrays.stream(mlp).mapToObj(Integer::toString)
                .toArray(String[]::new)) + " " + mlpUnit.label() + ", pooling " + pooling.label()
                + (pooling == Pooling.MEAN ? "" : " (unit " + attentionHidden + " " + attentionUnit.label() + ")")
                + ", dropout " + dropout;
    }
}
