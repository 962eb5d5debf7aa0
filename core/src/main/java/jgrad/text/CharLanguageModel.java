package jgrad.text;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import jgrad.backend.DType;
import jgrad.nn.Activation;
import jgrad.nn.Config;
import jgrad.nn.Describable;
import jgrad.nn.Module;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Embedding;
import jgrad.nn.layers.Lstm;
import jgrad.tensor.Tensor;

/**
 * A character-level language model (Karpathy's char-rnn; Graves 2013): for character ids x [B, T],
 * <pre>
 *   h⁰_t = W_emb[x_t],   hˡ_t = LSTMˡ(hˡ⁻¹_t, hˡ_{t−1})  (l = 1 … layers),   z_t = W_out h^L_t + b_out
 * </pre>
 * and P(x_{t+1} = c | x_≤t) = softmax(z_t)_c. {@link #forward} gives the logits of every step;
 * {@link #step} advances one character from a carried state, for sampling.
 */
public final class CharLanguageModel extends Module implements Describable {

    /** h and c of every layer after the characters read so far, each [1, H]. */
    public record State(Tensor[] h, Tensor[] c) {
    }

    private final int vocabulary;
    private final int dim;
    private final int hidden;
    private final Embedding embedding;
    private final Lstm[] lstms;
    private final Dense output;

    public CharLanguageModel(int vocabulary, int dim, int hidden, int layers, RandomGenerator rng) {
        if (layers < 1) {
            throw new IllegalArgumentException("a character model needs at least one LSTM layer, got " + layers);
        }
        this.vocabulary = vocabulary;
        this.dim = dim;
        this.hidden = hidden;
        this.embedding = child("embedding", new Embedding(vocabulary, dim, rng));
        this.lstms = new Lstm[layers];
        for (int l = 0; l < layers; l++) {
            lstms[l] = child("lstm" + (l + 1), new Lstm(l == 0 ? dim : hidden, hidden, true, DType.F32, rng));
        }
        this.output = child("output", new Dense(hidden, vocabulary, Activation.LINEAR, rng));
    }

    /** Logits [B·T, V] of the next character after each of x [B, T] (row b·T + t). */
    public Tensor forward(Tensor ids) {
        Tensor h = embedding.forward(ids);
        for (Lstm lstm : lstms) {
            h = lstm.forward(h);
        }
        return output.forward(h.reshape(ids.shape(0) * ids.shape(1), hidden));
    }

    /** The state before any character. */
    public State start() {
        Tensor[] h = new Tensor[lstms.length];
        Tensor[] c = new Tensor[lstms.length];
        for (int l = 0; l < lstms.length; l++) {
            h[l] = Tensor.zeros(device(), DType.F32, 1, hidden);
            c[l] = h[l];
        }
        return new State(h, c);
    }

    /** Reads one character: the next state, and in {@code logits} (if not null) the logits [1, V] after it. */
    public State step(State s, int id, Tensor[] logits) {
        Tensor x = embedding.forward(Tensor.of(new float[] {id}, 1, 1).to(device()));
        Tensor[] h = new Tensor[lstms.length];
        Tensor[] c = new Tensor[lstms.length];
        for (int l = 0; l < lstms.length; l++) {
            Lstm.Output out = lstms[l].forward(x, s.h()[l], s.c()[l]);
            h[l] = out.lastH();
            c[l] = out.lastC();
            x = out.h();
        }
        if (logits != null) {
            logits[0] = output.forward(h[lstms.length - 1]);
        }
        return new State(h, c);
    }

    public int vocabulary() {
        return vocabulary;
    }

    @Override
    public String type() {
        return "CharLanguageModel";
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("vocabulary", vocabulary);
        c.put("dim", dim);
        c.put("hidden", hidden);
        c.put("layers", lstms.length);
        return c;
    }

    /** Rebuilds from {@link #config()}; the weights are loaded afterwards, so the start is irrelevant. */
    public static CharLanguageModel fromConfig(Map<String, Object> c) {
        Config k = new Config("CharLanguageModel", c);
        return new CharLanguageModel(k.getInt("vocabulary"), k.getInt("dim"), k.getInt("hidden"), k.getInt("layers"),
                new SplittableRandom(0));
    }
}
