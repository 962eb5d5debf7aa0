package jgrad.text;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import jgrad.backend.DType;
import jgrad.nn.Config;
import jgrad.nn.Layer;
import jgrad.nn.Module;
import jgrad.nn.Weights;
import jgrad.nn.init.Initializers;
import jgrad.nn.layers.Embedding;
import jgrad.tensor.Tensor;

/**
 * Multinomial logistic regression on a sentence's binary bag of words: with the sentence's distinct
 * word ids x [B, L] padded by {@link WordIds#PAD} ({@link WordIds#bag}),
 * <pre>
 *   z[n, c] = b[c] + Σ_{t : x[n,t] ≠ PAD} W[x[n,t], c]        (logits; softmax in the loss)
 * </pre>
 * i.e. zᵀ = bᵀ + φ(x)ᵀ W for the 0/1 indicator vector φ(x) of the words present, computed as a lookup
 * of W's rows (a row-sparse gradient) instead of a product with a vocabulary-wide vector. Start: zeros,
 * as scikit-learn's LogisticRegression.
 */
public final class BagOfWords extends Module implements Layer {

    private final int vocabulary;
    private final int classes;
    private final Embedding words;

    public BagOfWords(int vocabulary, int classes, RandomGenerator rng) {
        this.vocabulary = vocabulary;
        this.classes = classes;
        this.words = child("words", new Embedding(vocabulary, classes, DType.F32, rng, Initializers.zeros(), true));
        param("b", Tensor.zeros(DType.F32, classes));
    }

    /** Logits [B, classes] of bags of word ids [B, L]. */
    @Override
    public Tensor forward(Tensor ids) {
        return forward(parameters(), ids);
    }

    /** The same with the given weights ({@code words.W_emb} [V, classes], {@code b} [classes]). */
    public Tensor forward(Map<String, Tensor> weights, Tensor ids) {
        if (ids.rank() != 2) {
            throw new IllegalArgumentException("BagOfWords: word ids must be [B, L], got rank " + ids.rank());
        }
        Tensor bias = new Weights("BagOfWords", weights).get("b", classes);
        Tensor rows = words.forward(Weights.under(weights, "words"), ids);
        Tensor present = ids.clamp(0, 1).to(rows.dtype()).unsqueeze(2);   // PAD is 0, every word id is at least 1
        return rows.mul(present).sum(1, false).add(bias);
    }

    @Override
    public String type() {
        return "BagOfWords";
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("vocabulary", vocabulary);
        c.put("classes", classes);
        return c;
    }

    /** Rebuilds from {@link #config()}; the weights are loaded afterwards. */
    public static BagOfWords fromConfig(Map<String, Object> c) {
        Config k = new Config("BagOfWords", c);
        return new BagOfWords(k.getInt("vocabulary"), k.getInt("classes"), new SplittableRandom(0));
    }
}
