package jgrad.data.prep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Categorical encoding: maps the categories seen in training to ids {@code 1 … n}, most frequent first
 * (alphabetical on equal counts), and everything else (a category unseen in training, one rarer than
 * {@code minCount}, or null) to the out-of-vocabulary id {@value #OOV}. Ids feed an embedding table of
 * {@link #size()} rows or a one-hot vector of {@link #size()} columns.
 */
public final class Vocabulary {

    /** The id of every category the vocabulary does not know. */
    public static final int OOV = 0;

    private final Map<String, Integer> ids;
    private final List<String> tokens;

    private Vocabulary(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        this.ids = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            ids.put(tokens.get(i), i + 1);
        }
    }

    /** Learns the categories occurring at least {@code minCount} times in the training column. */
    public static Vocabulary fit(String[] train, int minCount) {
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be at least 1, got " + minCount);
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String v : train) {
            if (v != null) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        List<String> kept = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() >= minCount) {
                kept.add(e.getKey());
            }
        }
        kept.sort((a, b) -> counts.get(a).equals(counts.get(b)) ? a.compareTo(b) : counts.get(b) - counts.get(a));
        return new Vocabulary(kept);
    }

    public static Vocabulary fit(String[] train) {
        return fit(train, 1);
    }

    /** The vocabulary whose ids {@code 1 … n} are {@code tokens} in order: a saved one, rebuilt. */
    public static Vocabulary of(List<String> tokens) {
        for (String t : tokens) {
            if (t == null) {
                throw new IllegalArgumentException("a vocabulary cannot list null: it is the out-of-vocabulary id");
            }
        }
        Vocabulary v = new Vocabulary(tokens);
        if (v.ids.size() != tokens.size()) {
            throw new IllegalArgumentException("a vocabulary lists each category once; repeated in " + tokens);
        }
        return v;
    }

    /** The known categories in id order (id {@code i + 1} is {@code tokens().get(i)}). */
    public List<String> tokens() {
        return tokens;
    }

    /** Known categories plus the out-of-vocabulary id. */
    public int size() {
        return tokens.size() + 1;
    }

    public int id(String category) {
        return category == null ? OOV : ids.getOrDefault(category, OOV);
    }

    /** The category of an id; null for {@link #OOV}. */
    public String token(int id) {
        if (id < 0 || id >= size()) {
            throw new IllegalArgumentException("id " + id + " out of range [0, " + size() + ")");
        }
        return id == OOV ? null : tokens.get(id - 1);
    }

    public int[] transform(String[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = id(values[i]);
        }
        return out;
    }

    /** One-hot rows of {@link #size()} columns (column 0 marks out-of-vocabulary values). */
    public float[] oneHot(String[] values) {
        return OneHot.encode(transform(values), size());
    }
}
