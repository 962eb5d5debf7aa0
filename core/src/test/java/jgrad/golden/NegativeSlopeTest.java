package jgrad.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import jgrad.backend.DType;

/**
 * The golden format's {@code negative_slope}: every leaky_relu of a case has that slope (absent means 0.01).
 * The cases are made by hand; their expected values are worked out in the comments.
 */
class NegativeSlopeTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static double softplus(double x) {
        return Math.log1p(Math.exp(x));
    }

    /**
     * G: one layer, W = 2, b = 0.5, leaky_relu. D: W_0 = 1, b_0 = 0, leaky_relu, then W_1 = 3, b_1 = 0.1, sigmoid.
     * z = −1, x_real = −2; slope α = 0.2, so every pre-activation below is negative and scaled by α:
     * <pre>
     *   fake = α(2·(−1) + 0.5) = −0.3
     *   h_r = α(−2) = −0.4,   l_r = 3 h_r + 0.1 = −1.1
     *   h_f = α(−0.3) = −0.06, l_f = 3 h_f + 0.1 = −0.08
     *   L_D = softplus(−l_r) + softplus(l_f),   L_G = softplus(−l_f)   (non-saturating)
     *   ∂L_D/∂l_r = −σ(1.1),  ∂L_D/∂l_f = σ(−0.08)
     *   ∂L_D/∂W_1 = −σ(1.1) h_r + σ(−0.08) h_f,   ∂L_D/∂b_1 = −σ(1.1) + σ(−0.08)
     *   ∂L_D/∂W_0 = 3α(−σ(1.1)·x_real + σ(−0.08)·fake),   ∂L_D/∂b_0 = 3α(−σ(1.1) + σ(−0.08))
     *   ∂L_G/∂fake = −σ(0.08)·3·α·1,  ∂L_G/∂W_G = ∂L_G/∂fake · α · z,  ∂L_G/∂b_G = ∂L_G/∂fake · α
     * </pre>
     * With the default slope 0.01 every one of these values differs.
     */
    @ParameterizedTest
    @EnumSource(DType.class)
    void aGanCaseRunsWithItsSlope(DType dtype) throws IOException {
        double a = 0.2;
        double sr = sigmoid(1.1);
        double sf = sigmoid(-0.08);
        double dFake = -sigmoid(0.08) * 3 * a;
        String json = """
                {"name": "gan_leaky_0.2", "op": "gan",
                 "config": {"G_activations": ["leaky_relu"], "D_activations": ["leaky_relu", "sigmoid"],
                            "generator_loss": "non_saturating", "negative_slope": 0.2},
                 "params": {"G.0.W": %s, "G.0.b": %s, "D.0.W": %s, "D.0.b": %s, "D.1.W": %s, "D.1.b": %s},
                 "inputs": {"z": %s, "x_real": %s},
                 "outputs": {"D_real": %s, "D_fake": %s, "loss_D": %s, "loss_G": %s},
                 "grads": {"D.0.W": %s, "D.0.b": %s, "D.1.W": %s, "D.1.b": %s, "G.0.W": %s, "G.0.b": %s},
                 "tolerance": {"f32": {"abs": 1e-5, "rel": 1e-4}, "f64": {"abs": 1e-12, "rel": 1e-10}}}
                """.formatted(matrix(2), vector(0.5), matrix(1), vector(0), matrix(3), vector(0.1),
                matrix(-1), matrix(-2),
                matrix(sigmoid(-1.1)), matrix(sigmoid(-0.08)), scalar(softplus(1.1) + softplus(-0.08)),
                scalar(softplus(0.08)),
                matrix(3 * a * (-sr * -2 + sf * -0.3)), vector(3 * a * (-sr + sf)),
                matrix(-sr * -0.4 + sf * -0.06), vector(-sr + sf),
                matrix(dFake * a * -1), vector(dFake * a));
        assertPasses(json, dtype);
    }

    /**
     * x = (1, −3), W = [[1, 1], [2, 0.5]], b = (0, −1): z = (−2, −0.5), both negative, so y = αz and, with
     * upstream 1, ∂L/∂W = α xᵀ per row, ∂L/∂b = (α, α).
     */
    @ParameterizedTest
    @EnumSource(DType.class)
    void aDenseCaseRunsWithItsSlopeOrTheDefault(DType dtype) throws IOException {
        for (double a : new double[] {0.2, Double.NaN}) {
            boolean given = !Double.isNaN(a);
            double slope = given ? a : 0.01;
            String json = """
                    {"name": "dense_leaky", "op": "dense",
                     "config": {"activation": "leaky_relu"%s},
                     "params": {"W": {"shape": [2, 2], "data": [1, 1, 2, 0.5]}, "b": {"shape": [2], "data": [0, -1]}},
                     "inputs": {"x": {"shape": [1, 2], "data": [1, -3]}},
                     "outputs": {"y": {"shape": [1, 2], "data": [%s, %s]}},
                     "upstream": {"y": {"shape": [1, 2], "data": [1, 1]}},
                     "grads": {"W": {"shape": [2, 2], "data": [%s, %s, %s, %s]}, "b": {"shape": [2], "data": [%s, %s]}},
                     "tolerance": {"f32": {"abs": 1e-6, "rel": 1e-5}, "f64": {"abs": 1e-14, "rel": 1e-12}}}
                    """.formatted(given ? ", \"negative_slope\": " + a : "", num(-2 * slope), num(-0.5 * slope),
                    num(slope), num(-3 * slope), num(slope), num(-3 * slope), num(slope), num(slope));
            assertPasses(json, dtype);
        }
    }

    private void assertPasses(String json, DType dtype) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "case");
        Files.writeString(dir.resolve("case.json"), json);
        GoldenRunner.Summary s = GoldenRunner.runDirectory(dir, dtype, out);
        assertEquals(List.of(), s.failures(), printed.toString(StandardCharsets.UTF_8));
        assertEquals(1, s.passed());
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.17g", v);
    }

    private static String scalar(double v) {
        return "{\"shape\": [], \"data\": [" + num(v) + "]}";
    }

    private static String vector(double v) {
        return "{\"shape\": [1], \"data\": [" + num(v) + "]}";
    }

    private static String matrix(double v) {
        return "{\"shape\": [1, 1], \"data\": [" + num(v) + "]}";
    }
}
