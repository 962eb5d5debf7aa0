package jgrad.text;

/**
 * How a {@link Copywriter} is built and trained: character embeddings of {@code dim}, {@code layers} LSTMs of
 * {@code hidden} units, Adam ({@code learningRate}) with the gradient's global norm clipped at 5, {@code epochs}
 * over batches of {@code batchSize} lines of similar length, everything random from {@code seed}.
 */
public record CopySettings(int epochs, int batchSize, double learningRate, int dim, int hidden, int layers, long seed) {

    public CopySettings {
        if (epochs < 1 || batchSize < 1 || dim < 1 || hidden < 1 || layers < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("copywriter settings must be positive: " + this);
        }
    }

    /** The defaults: 2 layers of 128 units (what a shared 2-core machine trains in reasonable time), 4 epochs, Adam 3e-3, batch 32. */
    public static CopySettings defaults(long seed) {
        return new CopySettings(4, 32, 3e-3, 32, 128, 2, seed);
    }

    public CopySettings withEpochs(int e) {
        return new CopySettings(e, batchSize, learningRate, dim, hidden, layers, seed);
    }

    public CopySettings withHidden(int h) {
        return new CopySettings(epochs, batchSize, learningRate, dim, h, layers, seed);
    }
}
