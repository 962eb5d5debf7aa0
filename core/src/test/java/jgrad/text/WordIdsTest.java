package jgrad.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Ids counted by hand: "the" 3 times, "film" 2, "bad" and "good" once (alphabetical on ties). */
class WordIdsTest {

    private static final List<List<String>> CORPUS = List.of(
            List.of("the", "film", "the"), List.of("good", "film"), List.of("bad", "the"));

    @Test
    void mostFrequentWordsFirstAfterPadAndUnknown() {
        WordIds ids = WordIds.fit(CORPUS, 1);
        assertEquals(List.of("the", "film", "bad", "good"), ids.words());
        assertEquals(6, ids.size());
        assertEquals(2, ids.id("the"));
        assertEquals(5, ids.id("good"));
        assertEquals(WordIds.UNKNOWN, ids.id("boring"));
    }

    @Test
    void minCountDropsRareWords() {
        WordIds ids = WordIds.fit(CORPUS, 2);
        assertEquals(List.of("the", "film"), ids.words());
        assertEquals(WordIds.UNKNOWN, ids.id("good"));
    }

    @Test
    void sequencesArePaddedAtTheEndOrFrontAndCut() {
        WordIds ids = WordIds.fit(CORPUS, 1);
        List<String> s = List.of("good", "film", "boring");
        assertArrayEquals(new int[] {5, 3, 1, 0, 0}, ids.sequence(s, 5, false));
        assertArrayEquals(new int[] {0, 0, 5, 3, 1}, ids.sequence(s, 5, true));
        assertArrayEquals(new int[] {5, 3}, ids.sequence(s, 2, false));
        assertArrayEquals(new int[] {5, 3}, ids.sequence(s, 2, true));
    }

    @Test
    void bagsHoldDistinctIdsAscending() {
        WordIds ids = WordIds.fit(CORPUS, 1);
        assertArrayEquals(new int[] {2, 3, 5, 0}, ids.bag(List.of("good", "the", "film", "the"), 4));
        assertEquals(3, WordIds.distinctCount(List.of("good", "the", "film", "the")));
    }

    @Test
    void savedWordsGiveTheSameIds() {
        WordIds ids = WordIds.fit(CORPUS, 1);
        WordIds again = WordIds.of(ids.words());
        for (String w : List.of("the", "film", "bad", "good", "other")) {
            assertEquals(ids.id(w), again.id(w), w);
        }
    }

    @Test
    void aLengthBelowOneIsRefused() {
        WordIds ids = WordIds.fit(CORPUS, 1);
        assertThrows(IllegalArgumentException.class, () -> ids.sequence(List.of("the"), 0, false));
    }
}
