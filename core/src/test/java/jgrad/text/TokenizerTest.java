package jgrad.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Tokens written out by hand for sentences in the style of the MR files and of new text. */
class TokenizerTest {

    @Test
    void splitsWordsPunctuationAndClitics() {
        assertEquals(List.of("it", "'s", "so", "laddish", "and", "juvenile", ",", "only", "teenage", "boys", "."),
                Tokenizer.tokenize("it's so laddish and juvenile , only teenage boys ."));
        assertEquals(List.of("i", "do", "n't", "like", "it", "!", "not", "at", "all", ".", ".", "."),
                Tokenizer.tokenize("I don't like it! Not at all..."));
    }

    @Test
    void keepsAccentedLettersAndDigitsInWords() {
        assertEquals(List.of("café", "serves", "2", "crêpes", "(", "ok", ")"),
                Tokenizer.tokenize("Café serves 2 crêpes (OK)"));
    }

    @Test
    void negationAtTheEndAndQuotes() {
        assertEquals(List.of("it", "is", "n't"), Tokenizer.tokenize("it isn't"));
        assertEquals(List.of("'", "great", "'"), Tokenizer.tokenize("' great '"));
        assertEquals(List.of("the", "actors", "'", "work"), Tokenizer.tokenize("the actors' work"));
    }

    @Test
    void blankTextHasNoTokens() {
        assertEquals(List.of(), Tokenizer.tokenize(""));
        assertEquals(List.of(), Tokenizer.tokenize(" \t\n "));
    }
}
