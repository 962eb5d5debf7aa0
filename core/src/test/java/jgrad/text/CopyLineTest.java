package jgrad.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Lines, titles, character ids and the bigram model, by hand. */
class CopyLineTest {

    @Test
    void titlesLoseTheYearAndGetTheirArticleBack() {
        assertEquals("Heat", CopyLine.cleanTitle("Heat (1995)"));
        assertEquals("The Matrix", CopyLine.cleanTitle("Matrix, The (1999)"));
        assertEquals("L'Auberge espagnole", CopyLine.cleanTitle("Auberge espagnole, L' (2002)"));
        assertEquals("Babylon 5", CopyLine.cleanTitle("Babylon 5"));
        assertEquals("Cosmos", CopyLine.cleanTitle("Cosmos (1980-1981)"));
    }

    @Test
    void aLineIsThePromptThenTheTitle() {
        CopyLine line = CopyLine.of("Comedy|Romance", "Heat (1995)");
        assertEquals("\nComedy|Romance\tHeat\n", line.text());
        assertEquals(16, line.titleStart());
        assertEquals('H', line.text().charAt(line.titleStart()));
        assertThrows(IllegalArgumentException.class, () -> CopyLine.prompt(""));
        assertThrows(IllegalArgumentException.class, () -> CopyLine.prompt("a\tb"));
    }

    @Test
    void characterIdsFollowTheAlphabet() {
        CharCodes codes = CharCodes.fit(List.of("ba", "ca"));
        assertEquals("abc", codes.alphabet());
        assertEquals(5, codes.size());
        assertEquals(2, codes.id('a'));
        assertEquals(CharCodes.UNKNOWN, codes.id('z'));
        assertEquals('c', codes.character(4));
        assertEquals(codes.id('b'), CharCodes.of(codes.alphabet()).id('b'));
    }

    @Test
    void bigramBitsByHand() {
        // lines "\nA\tab\n" and "\nA\taa\n": scored pairs (\t,a) (a,b) (b,\n) (\t,a) (a,a) (a,\n)
        List<CopyLine> lines = List.of(CopyLine.of("A", "ab"), CopyLine.of("A", "aa"));
        CharCodes codes = CharCodes.fit(lines.stream().map(CopyLine::text).toList());
        CharBigram bigram = CharBigram.fit(codes, lines, 0.5);
        int v = codes.size();   // \t \n A a b, PAD, UNKNOWN = 7
        assertEquals(7, v);
        double pAafterA = (1 + 0.5) / (3 + 0.5 * v);    // after 'a': a once, b once, \n once
        assertEquals(-Math.log(pAafterA) / Math.log(2), bigram.bits(codes.id('a'), codes.id('a')), 1e-12);
        double pAafterTab = (2 + 0.5) / (2 + 0.5 * v);
        double want = -Math.log(pAafterTab) / Math.log(2) * 2 + 3 * bigram.bits(codes.id('a'), codes.id('a'));
        double pNewlineAfterB = (1 + 0.5) / (1 + 0.5 * v);
        want += -Math.log(pNewlineAfterB) / Math.log(2);
        assertEquals(want / 6, bigram.bitsPerCharacter(codes, lines), 1e-12);
    }
}
