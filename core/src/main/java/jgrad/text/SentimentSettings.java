package jgrad.text;

/**
 * How a {@link SentimentModel} is built and trained: the {@link Rule rule} at {@code learningRate} on softmax
 * cross-entropy, at most {@code epochs} over shuffled batches of {@code batchSize}; embeddings of {@code dim}
 * for the words seen at least {@code minCount} times, starting uniform in [−{@code embeddingScale},
 * {@code embeddingScale}]; sentences cut at {@code maxLength} words;
 * {@code hidden} units for the LSTM; everything random drawn from {@code seed}.
 *
 * <p>Model selection as Kim (2014): with {@code devFraction} &gt; 0 that share of the training sentences
 * (drawn from the seed) is held out as a development set, the model is scored on it after every epoch,
 * training stops once {@code patience} epochs in a row did not improve it (0: never early), and the
 * weights of the best epoch are kept. {@code maxNorm} (finite: the CNN's output layer only) projects each
 * row of the output weights back to an L2 norm of at most that after every step (Kim's s = 3).
 * {@code edgePadding} (the CNN only) puts that many {@link WordIds#PAD} ids before and after every sentence,
 * as Kim pads with the widest filter's width − 1, so that a filter also sees the words at a sentence's edges
 * at every position of its window; 0 is none. {@code wordDropout} (the CNN and the LSTM) replaces each word of a
 * training batch by {@link WordIds#UNKNOWN} with that probability, drawn anew at every step from the seed.
 * {@code wordPath} (the CNN only) adds to the CNN's logits a linear term over the sentence's words
 * ({@link TextCnn}'s word path), trained at 10 × {@code learningRate}, the bag-of-words baseline's rate over
 * the CNN's. {@code ensemble} (1: one model) trains that many models from different seeds on the same data and
 * averages their P(positive) ({@link SentimentEnsemble}).
 */
public record SentimentSettings(int epochs, int batchSize, double learningRate, int dim, int hidden, int minCount,
                                int maxLength, long seed, double devFraction, int patience, double maxNorm,
                                int edgePadding, Rule rule, double embeddingScale, double wordDropout,
                                boolean wordPath, int ensemble) {

    /**
     * The update rule: Adam with Keras's ε ({@link jgrad.optim.Adam#keras}), or Adadelta with Kim's ρ = 0.95 and
     * ε = 1e-6 ({@link jgrad.optim.Adadelta}), each at {@code learningRate} (Zeiler's and Kim's Adadelta: 1).
     */
    public enum Rule {
        ADAM, ADADELTA;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Embedding rows start uniform in [−a, a] with this a when the settings do not say (Keras's 0.05). */
    public static final double KERAS_EMBEDDING_SCALE = 0.05;

    public SentimentSettings {
        if (epochs < 1 || batchSize < 1 || dim < 1 || hidden < 1 || minCount < 1 || maxLength < 1 || patience < 0
                || edgePadding < 0) {
            throw new IllegalArgumentException("sentiment settings must be positive: " + this);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
        }
        if (!(devFraction >= 0 && devFraction < 1)) {
            throw new IllegalArgumentException("the development share must be in [0, 1), got " + devFraction);
        }
        if (rule == null) {
            throw new IllegalArgumentException("sentiment settings need an update rule (adam or adadelta)");
        }
        if (!(embeddingScale > 0) || Double.isInfinite(embeddingScale)) {
            throw new IllegalArgumentException("the embedding start scale must be a positive number, got "
                    + embeddingScale);
        }
        if (!(wordDropout >= 0 && wordDropout < 1)) {
            throw new IllegalArgumentException("the word dropout rate must be in [0, 1), got " + wordDropout);
        }
        if (ensemble < 1) {
            throw new IllegalArgumentException("an ensemble needs at least one model, got " + ensemble);
        }
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("the max-norm radius must be > 0 (infinite: none), got " + maxNorm);
        }
    }

    /** Every epoch trained, the last one kept, no constraint. */
    public SentimentSettings(int epochs, int batchSize, double learningRate, int dim, int hidden, int minCount,
                             int maxLength, long seed) {
        this(epochs, batchSize, learningRate, dim, hidden, minCount, maxLength, seed, 0, 0, Double.POSITIVE_INFINITY, 0,
                Rule.ADAM, KERAS_EMBEDDING_SCALE, 0, false, 1);
    }

    /**
     * The defaults of each kind. CNN as Kim 2014's CNN-rand (embeddings 300, widths 3, 4, 5 × 100 maps,
     * dropout 0.5, batch 50, max-norm 3 on the output rows, the best epoch on a 10 % development split) with
     * Adam 1e-3 for at most 25 epochs, stopping after 3 without progress, instead of Adadelta for 25; the LSTM
     * with 128 units and the same selection; the bag of words with Adam 1e-2 for 5 epochs (its loss is convex).
     */
    public static SentimentSettings defaults(SentimentModel.Kind kind, long seed) {
        return switch (kind) {
            case CNN -> new SentimentSettings(25, 50, 1e-3, 300, 1, 1, 64, seed, 0.1, 3, 3, 0, Rule.ADAM,
                    KERAS_EMBEDDING_SCALE, 0, false, 1);
            case LSTM -> new SentimentSettings(25, 50, 1e-3, 128, 128, 1, 64, seed, 0.1, 3, Double.POSITIVE_INFINITY, 0,
                    Rule.ADAM, KERAS_EMBEDDING_SCALE, 0, false, 1);
            case BOW -> new SentimentSettings(5, 50, 1e-2, 1, 1, 1, 64, seed);
        };
    }

    public SentimentSettings withEpochs(int e) {
        return new SentimentSettings(e, batchSize, learningRate, dim, hidden, minCount, maxLength, seed, devFraction,
                patience, maxNorm, edgePadding, rule, embeddingScale, wordDropout, wordPath, ensemble);
    }

    public SentimentSettings withSeed(long s) {
        return new SentimentSettings(epochs, batchSize, learningRate, dim, hidden, minCount, maxLength, s, devFraction,
                patience, maxNorm, edgePadding, rule, embeddingScale, wordDropout, wordPath, ensemble);
    }

    public SentimentSettings withDim(int d) {
        return new SentimentSettings(epochs, batchSize, learningRate, d, hidden, minCount, maxLength, seed, devFraction,
                patience, maxNorm, edgePadding, rule, embeddingScale, wordDropout, wordPath, ensemble);
    }

    /** The same with model selection on a development share (0: none) and that patience. */
    public SentimentSettings withSelection(double dev, int epochsWithoutProgress) {
        return new SentimentSettings(epochs, batchSize, learningRate, dim, hidden, minCount, maxLength, seed, dev,
                epochsWithoutProgress, maxNorm, edgePadding, rule, embeddingScale, wordDropout, wordPath, ensemble);
    }

    public SentimentSettings withMaxNorm(double radius) {
        return new SentimentSettings(epochs, batchSize, learningRate, dim, hidden, minCount, maxLength, seed,
                devFraction, patience, radius, edgePadding, rule, embeddingScale, wordDropout, wordPath, ensemble);
    }

    /** The same with {@code ids} {@link WordIds#PAD} ids before and after every sentence (the CNN only). */
    public SentimentSettings withEdgePadding(int ids) {
        return new SentimentSettings(epochs, batchSize, learningRate, dim, hidden, minCount, maxLength, seed,
                devFraction, patience, maxNorm, ids, rule, embeddingScale, wordDropout, wordPath, ensemble);
    }

    /** The same trained by {@code r} at {@code learningRate}. */
    public SentimentSettings withRule(Rule r, double learningRate) {
        return new SentimentSettings(epochs, batchSize, learningRate, dim, hidden, minCount, maxLength, seed,
                devFraction, patience, maxNorm, edgePadding, r, embeddingScale, wordDropout, wordPath, ensemble);
    }

    /** The same with embedding rows drawn uniform in [−a, a] (Kim's CNN-rand: a = 0.25). */
    public SentimentSettings withEmbeddingScale(double a) {
        return new SentimentSettings(epochs, batchSize, learningRate, dim, hidden, minCount, maxLength, seed,
                devFraction, patience, maxNorm, edgePadding, rule, a, wordDropout, wordPath, ensemble);
    }

    /** The same with (for the CNN) a linear term over the words added to the logits. */
    public SentimentSettings withWordPath(boolean on) {
        return new SentimentSettings(epochs, batchSize, learningRate, dim, hidden, minCount, maxLength, seed,
                devFraction, patience, maxNorm, edgePadding, rule, embeddingScale, wordDropout, on, ensemble);
    }

    /** The same averaged over {@code models} models trained from different seeds (1: one model). */
    public SentimentSettings withEnsemble(int models) {
        return new SentimentSettings(epochs, batchSize, learningRate, dim, hidden, minCount, maxLength, seed,
                devFraction, patience, maxNorm, edgePadding, rule, embeddingScale, wordDropout, wordPath, models);
    }

    /** The same with each training word replaced by {@link WordIds#UNKNOWN} with probability {@code rate}. */
    public SentimentSettings withWordDropout(double rate) {
        return new SentimentSettings(epochs, batchSize, learningRate, dim, hidden, minCount, maxLength, seed,
                devFraction, patience, maxNorm, edgePadding, rule, embeddingScale, rate, wordPath, ensemble);
    }
}
