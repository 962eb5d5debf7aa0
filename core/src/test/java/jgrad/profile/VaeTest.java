package jgrad.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.backend.DType;
import jgrad.nn.LayerGradCheck;
import jgrad.random.PhiloxRandom;
import jgrad.tensor.Tensor;

/** The VAE: gradients by finite differences, −ELBO's terms worked by hand, valid samples, learning. */
class VaeTest {

    private static final TabularLayout LAYOUT = new TabularLayout(2, new int[] {3, 2});

    @Test
    void gradientsOfMinusElboMatchFiniteDifferences() {
        Vae vae = new Vae(LAYOUT, 4, 2, DType.F64, new SplittableRandom(1));
        Tensor x = Tensor.of(new double[] {0.3, -1.2, 0, 1, 0, 1, 0, 1.1, 0.4, 0, 0, 1, 0, 1, -0.2, 0.7, 1, 0, 0, 0, 1},
                3, 7);
        Tensor eps = Tensor.randn(new SplittableRandom(2), DType.F64, 0, 1, 3, 2);
        Map<String, Tensor> weights = new LinkedHashMap<>(vae.parameters());
        SplittableRandom rng = new SplittableRandom(5);
        weights.replaceAll((name, w) -> name.endsWith(".b") ? Tensor.randn(rng, DType.F64, 0, 0.5, w.shape()) : w);
        LayerGradCheck.check("Vae", weights, List.of(x, eps), (w, in) -> LayerGradCheck.joined(
                vae.terms(w, in[0], in[1]).reconstruction().reshape(1), vae.terms(w, in[0], in[1]).kl().reshape(1)));
    }

    /** A VAE whose weights are all 0: its output is b_o, its posterior N(b_μ, exp(b_σ)), whatever the input. */
    private static Vae constant(double[] bOut, double bMu, double bLogvar) {
        Vae vae = new Vae(new TabularLayout(1, new int[] {2}), 2, 1, DType.F64, new SplittableRandom(1));
        vae.parameters().forEach((name, p) -> p.copyFrom(Tensor.zeros(DType.F64, p.shape())));
        vae.parameters().get("out.b").copyFrom(Tensor.of(bOut, 3));
        vae.parameters().get("mu.b").copyFrom(Tensor.of(new double[] {bMu}, 1));
        vae.parameters().get("logvar.b").copyFrom(Tensor.of(new double[] {bLogvar}, 1));
        return vae;
    }

    @Test
    void reconstructionAndKlWorkedByHand() {
        Vae vae = constant(new double[] {1.5, 0, Math.log(3)}, 1, Math.log(4));
        Tensor x = Tensor.of(new double[] {0.5, 0, 1}, 1, 3);
        Vae.Terms t = vae.terms(x, Tensor.of(new double[] {0.7}, 1, 1));
        // ½ (1.5 − 0.5)² + (−log softmax(0, ln 3)_1 = −log ¾)
        assertEquals(0.5 - Math.log(0.75), t.reconstruction().item(), 1e-12);
        // −½ (1 + ln 4 − 1² − 4) = 2 − ln 2
        assertEquals(2 - Math.log(2), t.kl().item(), 1e-12);
        assertEquals(0.5 - Math.log(0.75) + 2 - Math.log(2), t.loss().item(), 1e-12);
    }

    @Test
    void samplesAreValidRowsWithTheDecodersCategoryShares() {
        Vae vae = constant(new double[] {1.5, 0, Math.log(3)}, 0, 0);
        double[][] rows = vae.sample(4000, new PhiloxRandom(3));
        int second = 0;
        for (double[] row : rows) {
            assertEquals(1.5, row[0], 1e-12);
            assertEquals(1, row[1] + row[2], 0);
            assertTrue(row[1] == 0 || row[1] == 1);
            second += (int) row[2];
        }
        assertEquals(0.75, second / 4000.0, 0.03);                  // softmax(0, ln 3) = (¼, ¾); 3σ ≈ 0.02
    }

    private static double variance(double[][] rows, int c) {
        double mean = java.util.Arrays.stream(rows).mapToDouble(r -> r[c]).average().orElseThrow();
        return java.util.Arrays.stream(rows).mapToDouble(r -> (r[c] - mean) * (r[c] - mean)).average().orElseThrow();
    }

    private static double entropy(double[][] rows, int from, int width) {
        double h = 0;
        for (int c = from; c < from + width; c++) {
            int col = c;
            double p = java.util.Arrays.stream(rows).mapToDouble(r -> r[col]).average().orElseThrow();
            h -= p > 0 ? p * Math.log(p) : 0;
        }
        return h;
    }

    @Test
    void trainingRaisesTheElboAndCodesHaveTheCodeWidth() {
        double[][] rows = new double[200][];
        SplittableRandom rng = new SplittableRandom(4);
        for (int r = 0; r < rows.length; r++) {
            boolean a = rng.nextBoolean();
            double t = rng.nextGaussian();
            rows[r] = new double[] {t, (a ? 1 : -1) + 0.1 * rng.nextGaussian(), a ? 1 : 0, a ? 0 : 1, 0, t > 0 ? 1 : 0,
                    t > 0 ? 0 : 1};
        }
        LearnedProfiles.VaeResult r = LearnedProfiles.vae(rows, LAYOUT, 16, 2, 40, 32, 1e-2, 7, jgrad.backend.Device.CPU, 10);
        // a model without a code does best by predicting each column's mean and category shares: −ELBO would be
        // Σ ½ variance (numbers) + Σ entropy (blocks); the VAE must beat that by using z
        double baseline = 0;
        for (int c = 0; c < 2; c++) {
            baseline += 0.5 * variance(rows, c);
        }
        baseline += entropy(rows, 2, 3) + entropy(rows, 5, 2);
        double last = java.util.Arrays.stream(r.epochLosses(), 35, 40).average().orElseThrow();
        assertTrue(last < baseline - 0.2, "−ELBO " + last + " vs " + baseline + " for the best code-free model");
        assertTrue(r.kl() > 0 && r.reconstruction() > 0);
        assertEquals(-(r.kl() + r.reconstruction()), r.elbo(), 0);
        assertEquals(2, r.codes()[0].length);
        assertEquals(10, r.samples().length);
    }
}
