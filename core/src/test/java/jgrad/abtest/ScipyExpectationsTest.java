package jgrad.abtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every function of the package against the values SciPy computes for the same inputs
 * ({@code src/test/resources/abtest/make_expected.py} wrote {@code expected.txt}; see that script for how).
 */
class ScipyExpectationsTest {

    private static List<String> lines() throws IOException {
        try (InputStream in = ScipyExpectationsTest.class.getResourceAsStream("/abtest/expected.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> matchesScipy() throws IOException {
        return lines().stream().map(line -> DynamicTest.dynamicTest(line, () -> check(line)));
    }

    private static void check(String line) {
        String[] sides = line.split(" = ");
        String[] left = sides[0].split(" ");
        double[] in = Arrays.stream(left, 1, left.length).mapToDouble(Double::parseDouble).toArray();
        double[] want = Arrays.stream(sides[1].split(" ")).mapToDouble(Double::parseDouble).toArray();
        double[] got = switch (left[0]) {
            case "normalCdf" -> new double[] {Distributions.normalCdf(in[0])};
            case "normalQuantile" -> new double[] {Distributions.normalQuantile(in[0])};
            case "chiSquareSurvival" -> new double[] {Distributions.chiSquareSurvival(in[0], (int) in[1])};
            case "upperGamma" -> new double[] {Distributions.upperGamma(in[0], in[1])};
            case "wilson" -> bounds(new Proportion((long) in[0], (long) in[1]).wilson(in[2]));
            case "twoProportion" -> compare(in);
            case "perGroup" -> new double[] {SampleSize.perGroup(in[0], in[1], in[2], in[3])};
            case "power" -> new double[] {SampleSize.power(in[0], in[1], (long) in[2], in[3])};
            case "srm" -> srm(in);
            case "msprt" -> new double[] {new MixtureSprt(in[4]).likelihoodRatio(
                    new Proportion((long) in[0], (long) in[1]), new Proportion((long) in[2], (long) in[3]))};
            default -> throw new AssertionError("unknown kind " + left[0]);
        };
        assertEquals(want.length, got.length, line);
        for (int i = 0; i < want.length; i++) {
            // relative agreement to 1e-9 (1e-12 absolute for values near 0)
            assertEquals(want[i], got[i], 1e-12 + 1e-9 * Math.abs(want[i]), line + " [" + i + "]");
        }
    }

    private static double[] bounds(Interval i) {
        return new double[] {i.lower(), i.upper()};
    }

    private static double[] compare(double[] in) {
        TwoProportionTest t = TwoProportionTest.of(new Proportion((long) in[0], (long) in[1]),
                new Proportion((long) in[2], (long) in[3]), in[4]);
        return new double[] {t.z(), t.pValue(), t.difference().lower(), t.difference().upper(), t.relativeLift(),
            t.relativeLiftInterval().lower(), t.relativeLiftInterval().upper()};
    }

    private static double[] srm(double[] in) {
        SampleRatioCheck c = SampleRatioCheck.equalShares(Arrays.stream(in).mapToLong(v -> (long) v).toArray());
        return new double[] {c.chiSquare(), c.pValue()};
    }
}
