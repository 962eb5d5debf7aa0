package jgrad.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The report's statistics against SciPy and NumPy ({@code src/test/resources/synth/make_expected.py}). */
class SimilarityTest {

    private static final Map<String, String> EXPECTED = read("/synth/similarity.expected");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ks_continuous", "ks_ties", "ks_shifted"})
    void ksStatisticIsScipys(String name) {
        assertEquals(number(name + ".expected"), Similarity.ks(numbers(name + ".a"), numbers(name + ".b")), 1e-12);
    }

    @Test
    void ksOfASampleWithItselfIsZeroAndOfDisjointSamplesOne() {
        double[] a = {3, 1, 2, 2};
        assertEquals(0, Similarity.ks(a, a.clone()));
        assertEquals(1, Similarity.ks(a, new double[] {5, 6}));
    }

    @Test
    void pearsonIsScipys() {
        assertEquals(number("pearson.expected"), Similarity.pearson(numbers("pearson.x"), numbers("pearson.y")), 1e-12);
        assertEquals(Double.NaN, Similarity.pearson(new double[] {1, 2, 3}, new double[] {4, 4, 4}));
    }

    @Test
    void tvdCountsCategoriesMissingOnOneSide() {
        assertEquals(number("tvd.expected"), Similarity.tvd(texts("tvd.a"), texts("tvd.b")), 1e-12);
        // by hand: p_a = (a ½, b ½), p_b = (a ¼, c ¾): ½ (¼ + ½ + ¾) = ¾
        assertEquals(0.75, Similarity.tvd(new String[] {"a", "b"}, new String[] {"a", "c", "c", "c"}), 1e-15);
    }

    @Test
    void contingencyOfACategoryAndBinnedNumbersIsNumpys() {
        double[] realNum = numbers("pair.real_num");
        String[] real = Similarity.bin(realNum, realNum, QualityReport.BINS);
        String[] synthetic = Similarity.bin(realNum, numbers("pair.syn_num"), QualityReport.BINS);
        assertEquals(number("pair.expected"), Similarity.contingencyTvd(texts("pair.real_cat"), real,
                texts("pair.syn_cat"), synthetic), 1e-12);
    }

    @Test
    void binsAreEqualWidthOverTheReferenceWithOpenOuterBins() {
        String[] bins = Similarity.bin(new double[] {0, 10}, new double[] {-5, 0, 0.99, 1, 9.99, 10, 50}, 10);
        assertEquals(Arrays.asList("0", "0", "0", "1", "9", "9", "9"), Arrays.asList(bins));
    }

    @Test
    void emptySamplesAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> Similarity.ks(new double[0], new double[] {1}));
        assertEquals("comparing distributions needs values on both sides, got 0 and 1", e.getMessage());
    }

    private static double number(String key) {
        return numbers(key)[0];
    }

    private static double[] numbers(String key) {
        return Arrays.stream(texts(key)).mapToDouble(Double::parseDouble).toArray();
    }

    private static String[] texts(String key) {
        String v = EXPECTED.get(key);
        if (v == null) {
            throw new IllegalStateException("no " + key + " in similarity.expected");
        }
        return v.split(",");
    }

    private static Map<String, String> read(String resource) {
        try (InputStream in = SimilarityTest.class.getResourceAsStream(resource)) {
            Map<String, String> out = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split("\n")) {
                int eq = line.indexOf('=');
                out.put(line.substring(0, eq), line.substring(eq + 1));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
