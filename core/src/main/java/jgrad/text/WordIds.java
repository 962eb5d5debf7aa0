package jgrad.text;

import java.util.List;
import java.util.TreeSet;

import jgrad.data.prep.Vocabulary;

/**
 * Word ids for an embedding table: {@value #PAD} pads a sentence to a fixed length, {@value #UNKNOWN}
 * stands for a word not seen in training (or seen fewer than {@code minCount} times), and the known
 * words are {@code 2 … size()−1}, most frequent first ({@link Vocabulary}'s order).
 */
public final class WordIds {

    public static final int PAD = 0;
    public static final int UNKNOWN = 1;

    private final Vocabulary vocabulary;

    private WordIds(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** The words occurring at least {@code minCount} times in the tokenized training sentences. */
    public static WordIds fit(List<List<String>> sentences, int minCount) {
        String[] all = sentences.stream().flatMap(List::stream).toArray(String[]::new);
        return new WordIds(Vocabulary.fit(all, minCount));
    }

    /** The ids of a saved {@link #words()} list. */
    public static WordIds of(List<String> words) {
        return new WordIds(Vocabulary.of(words));
    }

    /** The known words in id order: id {@code i + 2} is {@code words().get(i)}. */
    public List<String> words() {
        return vocabulary.tokens();
    }

    /** Rows of the embedding table: the known words, {@link #PAD} and {@link #UNKNOWN}. */
    public int size() {
        return vocabulary.size() + 1;
    }

    public int id(String word) {
        return vocabulary.id(word) + 1;
    }

    /**
     * The sentence as exactly {@code length} ids: cut after {@code length} words, padded with
     * {@link #PAD} at the end, or at the front if {@code padFront} (so that a recurrent layer's last
     * step is the sentence's last word).
     */
    public int[] sequence(List<String> tokens, int length, boolean padFront) {
        requireLength(length);
        int n = Math.min(tokens.size(), length);
        int[] ids = new int[length];
        int start = padFront ? length - n : 0;
        for (int i = 0; i < n; i++) {
            ids[start + i] = id(tokens.get(i));
        }
        return ids;
    }

    /** The distinct ids of the sentence's words, ascending, padded with {@link #PAD} to {@code length}. */
    public int[] bag(List<String> tokens, int length) {
        requireLength(length);
        TreeSet<Integer> distinct = new TreeSet<>();
        tokens.forEach(t -> distinct.add(id(t)));
        int[] ids = new int[length];
        int i = 0;
        for (int id : distinct) {
            if (i == length) {
                break;
            }
            ids[i++] = id;
        }
        return ids;
    }

    /** How many distinct words the sentence has: the length {@link #bag} needs to keep them all. */
    public static int distinctCount(List<String> tokens) {
        return new TreeSet<>(tokens).size();
    }

    /** Rows of {@link #sequence} or {@link #bag} ids as one float array [sentences × length], for a tensor. */
    public static float[] flatten(List<int[]> rows, int length) {
        float[] out = new float[rows.size() * length];
        for (int r = 0; r < rows.size(); r++) {
            int[] ids = rows.get(r);
            for (int i = 0; i < length; i++) {
                out[r * length + i] = ids[i];
            }
        }
        return out;
    }

    private static void requireLength(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("a sentence needs a length of at least 1 id, got " + length);
        }
    }
}
