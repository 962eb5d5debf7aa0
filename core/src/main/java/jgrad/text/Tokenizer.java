package jgrad.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a sentence into lower-case tokens the way the movie-review sentences of Pang and Lee were
 * tokenized, so that new text and the training text agree: a word is a run of letters and digits
 * (accented letters included); a clitic after an apostrophe is a token of its own with the apostrophe
 * ("it's" → "it", "'s"; "don't" → "do", "n't"); every other visible character is a token by itself
 * ("great!" → "great", "!"); whitespace only separates.
 */
public final class Tokenizer {

    private Tokenizer() {
    }

    public static List<String> tokenize(String text) {
        String s = text.toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetterOrDigit(c)) {
                i = word(s, i, tokens);
            } else if (c == '\'' && i + 1 < s.length() && Character.isLetter(s.charAt(i + 1))) {
                int end = wordEnd(s, i + 1);
                tokens.add(s.substring(i, end));
                i = end;
            } else {
                tokens.add(String.valueOf(c));
                i++;
            }
        }
        return tokens;
    }

    /** Adds the word starting at i (splitting off "n't") and returns the index after it. */
    private static int word(String s, int start, List<String> tokens) {
        int end = wordEnd(s, start);
        boolean negation = end + 1 < s.length() && s.charAt(end) == '\'' && s.charAt(end + 1) == 't'
                && end - start > 1 && s.charAt(end - 1) == 'n'
                && (end + 2 == s.length() || !Character.isLetterOrDigit(s.charAt(end + 2)));
        if (negation) {
            tokens.add(s.substring(start, end - 1));
            tokens.add("n't");
            return end + 2;
        }
        tokens.add(s.substring(start, end));
        return end;
    }

    private static int wordEnd(String s, int start) {
        int end = start;
        while (end < s.length() && Character.isLetterOrDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }
}
