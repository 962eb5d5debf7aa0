package jgrad.text;

/**
 * How a {@link SentimentModel} is built and trained: Adam ({@code learningRate}, Keras's ε) on softmax
 * cross-entropy, {@code epochs} over shuffled batches of {@code batchSize}; embeddings of {@code dim}
 * for the words seen at least {@code minCount} times; sentences cut at {@code maxLength} words;
 * {@code hidden} units for the LSTM; everything random drawn from {@code seed}.
 */
public record SentimentSettings(int epochs, int batchSize, double learningRate, int dim, int hidden, int minCount,
                                int maxLength, long seed) {

    public SentimentSettings {
        if (epochs < 1 || batchSize < 1 || dim < 1 || hidden < 1 || minCount < 1 || maxLength < 1) {
            throw new IllegalArgumentException("sentiment settings must be positive: " + this);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
        }
    }

    /**
     * The defaults of each kind: CNN as Kim 2014's CNN-rand (widths 3, 4, 5 × 100 maps, dropout 0.5, batch 50)
     * with Adam 1e-3 for 4 epochs instead of Adadelta for 25; the LSTM with 128 units; the bag of words with
     * Adam 1e-2 (its loss is convex: few epochs suffice).
     */
    public static SentimentSettings defaults(SentimentModel.Kind kind, long seed) {
        return switch (kind) {
            case CNN -> new SentimentSettings(4, 50, 1e-3, 128, 1, 1, 64, seed);
            case LSTM -> new SentimentSettings(4, 50, 1e-3, 128, 128, 1, 64, seed);
            case BOW -> new SentimentSettings(5, 50, 1e-2, 1, 1, 1, 64, seed);
        };
    }

    public SentimentSettings withEpochs(int e) {
        return new SentimentSettings(e, batchSize, learningRate, dim, hidden, minCount, maxLength, seed);
    }

    public SentimentSettings withSeed(long s) {
        return new SentimentSettings(epochs, batchSize, learningRate, dim, hidden, minCount, maxLength, s);
    }
}
