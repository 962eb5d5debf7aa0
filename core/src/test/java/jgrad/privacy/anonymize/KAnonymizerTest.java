package jgrad.privacy.anonymize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jgrad.data.BadRows;
import jgrad.data.csv.Table;
import jgrad.data.marketing.MarketingData;
import org.junit.jupiter.api.Test;

/**
 * The search on a six-row table whose lattice of six level combinations was worked out by hand (in the
 * comments), and a release of the bundled bank file checked by counting its written rows independently.
 */
class KAnonymizerTest {

    private static final Hierarchy AGE = new NumericBands("age", List.of(new NumericBands.Band(10, 60)));
    private static final Hierarchy MARITAL = CategoryHierarchy.suppressOnly("marital");
    private static final String[] Y = {"n", "y", "n", "n", "y", "n"};

    private static List<QuasiIdentifier> sixRows() {
        return List.of(new QuasiIdentifier("age", new String[] {"31", "33", "42", "45", "61", "70"}, AGE),
                new QuasiIdentifier("marital", new String[] {"s", "s", "m", "m", "s", "m"}, MARITAL));
    }

    /**
     * k = 2, at most 3 of 6 suppressed. (age level, marital level): (0, *) all unique, refused; (1, 0) suppresses the
     * two 60+ rows, DM 4 + 4 + 2·6 = 20; (1, 1) three pairs, DM 12; (2, 0) two triples, DM 18; (2, 1) DM 36.
     */
    @Test
    void kTwoPicksTenYearBandsWithMaritalRemoved() {
        Release r = new KAnonymizer(2, 1, 0.5).anonymize(sixRows(), null);
        assertArrayEquals(new int[] {1, 1}, r.levels());
        assertEquals(12, r.lossMetric());
        assertEquals(0, r.suppressed());
        assertEquals(2, r.k());
        assertEquals("60+", r.released()[0][5]);
    }

    /** k = 3: every band holds 2 rows, so (2, 0) (DM 9 + 9) beats (2, 1) (DM 36). */
    @Test
    void kThreeRemovesAgeAndKeepsMarital() {
        Release r = new KAnonymizer(3, 1, 0.5).anonymize(sixRows(), null);
        assertArrayEquals(new int[] {2, 0}, r.levels());
        assertEquals(18, r.lossMetric());
        assertEquals(3, r.k());
    }

    /**
     * k = 2, l = 2 in y: (1, 1) keeps 30-39 {n, y} and 60+ {y, n} but suppresses 40-49 {n, n}: DM 4 + 4 + 2·6 = 20;
     * (1, 0) would suppress 4 rows; (2, 0) suppresses the married triple {n, n, n}: DM 9 + 3·6 = 27; (2, 1) 36.
     */
    @Test
    void lTwoSuppressesTheClassWithOneOutcome() {
        Release r = new KAnonymizer(2, 2, 0.5).anonymize(sixRows(), Y);
        assertArrayEquals(new int[] {1, 1}, r.levels());
        assertEquals(20, r.lossMetric());
        assertArrayEquals(new boolean[] {true, true, false, false, true, true}, r.kept());
        assertEquals(2, r.l());
        assertEquals(2, r.k());
    }

    @Test
    void impossibleRequestsAreRefusedSayingWhy() {
        var big = assertThrows(IllegalArgumentException.class, () -> new KAnonymizer(7, 1, 0.05).anonymize(sixRows(), null));
        assertTrue(big.getMessage().contains("k = 7 is larger than the data (6 rows)"), big.getMessage());
        var none = assertThrows(IllegalArgumentException.class, () -> new KAnonymizer(2, 3, 0.5).anonymize(sixRows(), Y));
        assertTrue(none.getMessage().contains("no generalization"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new KAnonymizer(0, 1, 0.05));
        assertThrows(IllegalArgumentException.class, () -> new KAnonymizer(2, 1, 1.0));
    }

    /** The bundled 4,119 clients: the written release is counted again here, row by row. */
    @Test
    void bankReleaseIsFiveAnonymousKeepingNinetyFivePercent() throws Exception {
        Table bank = MarketingData.bankMarketing(Path.of("../examples/src/main/resources/data/bank-marketing/bank-additional.csv"),
                BadRows.failFast());
        Map<String, Hierarchy> h = BankHierarchies.all();
        List<String> quasiNames = List.of("age", "job", "marital", "education");
        List<QuasiIdentifier> quasi = quasiNames.stream().map(c -> QuasiIdentifier.of(bank, c, h.get(c))).toList();
        Release r = new KAnonymizer(5, 1, 0.05).anonymize(quasi, QuasiIdentifier.texts(bank, "y"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ReleasedCsv.write(bank, r, Set.of("duration"), Map.of(), bytes);
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        List<String> header = List.of(lines[0].split(","));
        assertTrue(!header.contains("duration") && header.size() == 20, header.toString());
        Map<String, Integer> classSize = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            StringBuilder key = new StringBuilder();
            for (String q : quasiNames) {
                key.append(f[header.indexOf(q)]).append('|');
            }
            classSize.merge(key.toString(), 1, Integer::sum);
        }
        int rows = lines.length - 1;
        assertEquals(bank.rowCount() - r.suppressed(), rows);
        assertTrue(rows >= 0.95 * bank.rowCount(), rows + " rows kept");
        assertEquals(r.k(), classSize.values().stream().mapToInt(Integer::intValue).min().orElseThrow());
        assertTrue(r.k() >= 5);
        assertEquals(r.classes().classes().size(), classSize.size());
    }
}
