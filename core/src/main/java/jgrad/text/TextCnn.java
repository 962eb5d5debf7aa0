package jgrad.text;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import jgrad.backend.DType;
import jgrad.nn.Activation;
import jgrad.nn.Config;
import jgrad.nn.Layer;
import jgrad.nn.Module;
import jgrad.nn.Weights;
import jgrad.nn.conv.Conv1D;
import jgrad.nn.init.Initializer;
import jgrad.nn.init.Initializers;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Dropout;
import jgrad.nn.layers.Embedding;
import jgrad.tensor.Tensor;

/**
 * The sentence classifier of Kim, "Convolutional Neural Networks for Sentence Classification" (EMNLP
 * 2014), with embeddings learned from scratch (his CNN-rand). For word ids x [B, L]:
 * <pre>
 *   E = W_emb[x]                                   [B, L, d]   (Embedding; the convolutions read it channels last)
 *   c_k = relu(Conv1D_k(E))                         [B, maps, L − k + 1]   for each width k
 *   h = concat_k( max_t c_k[:, :, t] )              [B, maps · #widths]    (max-over-time pooling)
 *   z = W_out · dropout(h) + b_out                  [B, classes]  (logits; softmax in the loss)
 * </pre>
 * With the word path ({@code wordPath}), the logits also get a linear term over the sentence's words, the
 * {@link BagOfWords} of the same ids (each id's row once per occurrence; PAD adds nothing):
 * <pre>
 *   z = W_out · dropout(h) + b_out + b_words + Σ_{t : x[n,t] ≠ PAD} W_words[x[n,t]]
 * </pre>
 * a wide-and-deep pairing: the convolution's n-gram features beside the unigram weights of the baseline.
 * L must be at least the widest filter. Kim's max-norm constraint on the rows of W_out (‖w_c‖ ≤ 3) belongs to
 * the training: {@link SentimentModel} asks it of the optimizer ({@link jgrad.optim.Optimizer#maxNorm}).
 */
public final class TextCnn extends Module implements Layer {

    private final int vocabulary;
    private final int dim;
    private final int[] widths;
    private final int maps;
    private final double dropout;
    private final int classes;
    private final Embedding embedding;
    private final Conv1D[] convolutions;
    private final Dropout drop;
    private final Dense output;
    /** The linear term over the words (null without the word path). */
    private final BagOfWords words;

    /**
     * @param vocabulary rows of the embedding table ({@link WordIds#size()})
     * @param widths     filter widths (Kim: 3, 4, 5), each with {@code maps} feature maps (Kim: 100)
     */
    public TextCnn(int vocabulary, int dim, int[] widths, int maps, double dropout, int classes, RandomGenerator rng) {
        this(vocabulary, dim, widths, maps, dropout, classes, Initializers.uniform(SentimentSettings.KERAS_EMBEDDING_SCALE),
                rng);
    }

    /** The same with the embedding table drawn by {@code embeddingInit} (Kim's CNN-rand: uniform in [−0.25, 0.25]). */
    public TextCnn(int vocabulary, int dim, int[] widths, int maps, double dropout, int classes,
                   Initializer embeddingInit, RandomGenerator rng) {
        this(vocabulary, dim, widths, maps, dropout, classes, embeddingInit, false, rng);
    }

    /** The same with, if {@code wordPath}, a {@link BagOfWords} term added to the logits (child {@code words}). */
    public TextCnn(int vocabulary, int dim, int[] widths, int maps, double dropout, int classes,
                   Initializer embeddingInit, boolean wordPath, RandomGenerator rng) {
        if (widths.length == 0) {
            throw new IllegalArgumentException("TextCnn needs at least one filter width");
        }
        this.vocabulary = vocabulary;
        this.dim = dim;
        this.widths = widths.clone();
        this.maps = maps;
        this.dropout = dropout;
        this.classes = classes;
        this.embedding = child("embedding", new Embedding(vocabulary, dim, DType.F32, rng, embeddingInit, true));
        this.convolutions = new Conv1D[widths.length];
        for (int i = 0; i < widths.length; i++) {
            convolutions[i] = child("conv" + widths[i], new Conv1D(dim, maps, widths[i], Activation.RELU, rng));
        }
        this.drop = child("dropout", new Dropout(dropout, rng));
        this.output = child("output", new Dense(maps * widths.length, classes, Activation.LINEAR, rng));
        this.words = wordPath ? child("words", new BagOfWords(vocabulary, classes, rng)) : null;
    }

    /** Logits [B, classes] of word ids [B, L]. */
    @Override
    public Tensor forward(Tensor ids) {
        return forward(parameters(), ids);
    }

    /** The same with the given weights, keyed by this layer's parameter paths ({@code conv3.W}, …). */
    public Tensor forward(Map<String, Tensor> weights, Tensor ids) {
        if (ids.rank() != 2) {
            throw new IllegalArgumentException("TextCnn: word ids must be [B, L], got rank " + ids.rank());
        }
        int widest = widestFilter();
        if (ids.shape(1) < widest) {
            throw new IllegalArgumentException("TextCnn: sentences of " + ids.shape(1)
                    + " ids are shorter than the widest filter (" + widest + "); pad them to at least " + widest);
        }
        // [B, L, d] as looked up: the convolutions read each window in place (Conv1D.forwardChannelsLast)
        Tensor e = embedding.forward(Weights.under(weights, "embedding"), ids);
        Tensor[] pooled = new Tensor[convolutions.length];
        for (int i = 0; i < convolutions.length; i++) {
            pooled[i] = convolutions[i].forwardChannelsLast(Weights.under(weights, "conv" + widths[i]), e)
                    .max(2, false);
        }
        Tensor h = pooled.length == 1 ? pooled[0] : Tensor.concat(1, pooled);
        Tensor z = output.forward(Weights.under(weights, "output"), drop.forward(h));
        return words == null ? z : z.add(words.forward(Weights.under(weights, "words"), ids));
    }

    /** The widest filter: the shortest sentence length the model accepts. */
    public int widestFilter() {
        return Arrays.stream(widths).max().orElseThrow();
    }

    /** Whether the logits include the linear term over the words. */
    public boolean hasWordPath() {
        return words != null;
    }

    @Override
    public String type() {
        return "TextCNN";
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("vocabulary", vocabulary);
        c.put("dim", dim);
        c.put("widths", Arrays.stream(widths).boxed().toList());
        c.put("maps", maps);
        c.put("dropout", dropout);
        c.put("classes", classes);
        c.put("wordPath", words != null);
        return c;
    }

    /** Rebuilds from {@link #config()}; the weights are loaded afterwards, so the start is irrelevant. */
    public static TextCnn fromConfig(Map<String, Object> c) {
        Config k = new Config("TextCNN", c);
        return new TextCnn(k.getInt("vocabulary"), k.getInt("dim"), k.getIntArray("widths"), k.getInt("maps"),
                k.getDouble("dropout"), k.getInt("classes"),
                Initializers.uniform(SentimentSettings.KERAS_EMBEDDING_SCALE), k.getBoolean("wordPath", false),
                new SplittableRandom(0));
    }
}
