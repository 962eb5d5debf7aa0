package jgrad.text;

import java.util.List;
import java.util.TreeSet;

/**
 * Character ids for a character-level model: {@link #PAD} fills a batch's shorter rows, {@link #UNKNOWN}
 * stands for a character not seen in training, the seen characters are {@code 2 … size()−1} in code-point
 * order. Characters are UTF-16 units (every character of the MovieLens titles is one unit).
 */
public final class CharCodes {

    public static final int PAD = 0;
    public static final int UNKNOWN = 1;

    private final String alphabet;

    private CharCodes(String alphabet) {
        this.alphabet = alphabet;
    }

    /** The characters of the training texts. */
    public static CharCodes fit(List<String> texts) {
        TreeSet<Character> seen = new TreeSet<>();
        texts.forEach(t -> t.chars().forEach(c -> seen.add((char) c)));
        StringBuilder b = new StringBuilder();
        seen.forEach(b::append);
        return new CharCodes(b.toString());
    }

    /** The ids of a saved {@link #alphabet()}. */
    public static CharCodes of(String alphabet) {
        for (int i = 1; i < alphabet.length(); i++) {
            if (alphabet.charAt(i) <= alphabet.charAt(i - 1)) {
                throw new IllegalArgumentException("an alphabet lists its characters once, ascending");
            }
        }
        return new CharCodes(alphabet);
    }

    /** The seen characters in id order (id {@code i + 2} is {@code alphabet().charAt(i)}). */
    public String alphabet() {
        return alphabet;
    }

    /** Rows of an embedding table or columns of the output: the characters, PAD and UNKNOWN. */
    public int size() {
        return alphabet.length() + 2;
    }

    public int id(char c) {
        int i = java.util.Arrays.binarySearch(alphabet.toCharArray(), c);
        return i >= 0 ? i + 2 : UNKNOWN;
    }

    /** The character of an id of a seen character. */
    public char character(int id) {
        if (id < 2 || id >= size()) {
            throw new IllegalArgumentException("id " + id + " is not a character's (2 … " + (size() - 1) + ")");
        }
        return alphabet.charAt(id - 2);
    }

    public int[] ids(String text) {
        int[] out = new int[text.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = id(text.charAt(i));
        }
        return out;
    }
}
