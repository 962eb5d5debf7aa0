package jgrad.uplift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The metrics against NumPy and hand values; the learners on data whose uplift is known. */
class UpliftMetricsTest {

    @Test
    void metricsMatchAnIndependentNumpyComputation() throws IOException {
        List<String> lines;
        try (InputStream in = getClass().getResourceAsStream("/uplift/metrics.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        int n = lines.size() - 1;
        double[] score = new double[n];
        int[] t = new int[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i).split(" ");
            score[i] = Double.parseDouble(f[0]);
            t[i] = Integer.parseInt(f[1]);
            y[i] = Double.parseDouble(f[2]);
        }
        String[] want = lines.get(n).substring(2).split(" ");
        UpliftMetrics m = new UpliftMetrics(new UpliftData(new double[n][1], t, y), score);
        double[] got = {m.upliftAt(0.1), m.upliftAt(0.2), m.upliftAt(0.3), m.qiniCoefficient(), m.auuc()};
        for (int i = 0; i < got.length; i++) {
            assertEquals(Double.parseDouble(want[i]), got[i], 1e-12, "metric " + i);
        }
    }

    @Test
    void aPerfectRankingOfFourRowsByHand() {
        // rows sorted: (t1,y1) (t0,y0) (t1,y0) (t0,y1); N_t = 2
        UpliftData d = new UpliftData(new double[4][1], new int[] {1, 0, 1, 0}, new double[] {1, 0, 0, 1});
        UpliftMetrics m = new UpliftMetrics(d, new double[] {4, 3, 2, 1});
        // Qini at φ = ¼, ½, ¾, 1: 0 (no control yet), (1 − 0)/2 = ½, (1 − 0·2/1)/2 = ½, (1 − 1)/2 = 0
        assertEquals(0.25 * 0.5 / 2 + 0.25 * 0.5 + 0.25 * 0.5 / 2, m.qiniCoefficient(), 1e-15);
        assertEquals(0.0, m.averageTreatmentEffect(), 1e-15);
        assertEquals(1.0, m.upliftAt(0.5), 1e-15);
        assertTrue(Double.isNaN(m.upliftAt(0.25)));
    }

    @Test
    void learnersRecoverAKnownUplift() {
        // τ(x) grows with x₁: treated rate σ(−1 + 1.5x₁), control σ(−1)
        SplittableRandom r = new SplittableRandom(4);
        int n = 20_000;
        double[][] x = new double[n][];
        int[] t = new int[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {1, r.nextGaussian()};
            t[i] = r.nextInt(2);
            double logit = -1 + (t[i] == 1 ? 1.5 * x[i][1] : 0);
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
        }
        UpliftData d = new UpliftData(x, t, y);
        double[] probe = {1, 1};
        double truth = 1 / (1 + Math.exp(-0.5)) - 1 / (1 + Math.exp(1));
        assertEquals(truth, UpliftLearners.tLearner(d).uplift(probe), 0.03);
        assertEquals(truth, UpliftLearners.sLearner(d).uplift(probe), 0.03);
        assertTrue(UpliftLearners.classTransformation(d).uplift(probe) > 0.1);
        double[] scores = UpliftLearners.tLearner(d).score(x);
        assertTrue(new UpliftMetrics(d, scores).qiniCoefficient() > 0.05);
    }

    @Test
    void badExperimentsAreRefused() {
        var one = assertThrows(IllegalArgumentException.class,
                () -> new UpliftData(new double[3][1], new int[] {1, 1, 1}, new double[] {0, 1, 0}));
        assertTrue(one.getMessage().contains("only one value"), one.getMessage());
        UpliftData skewed = new UpliftData(new double[][] {{1}, {1}, {1}, {1}}, new int[] {1, 0, 0, 0},
                new double[] {1, 0, 1, 0});
        assertThrows(IllegalArgumentException.class, () -> UpliftLearners.classTransformation(skewed));
        assertThrows(IllegalArgumentException.class, () -> new UpliftMetrics(skewed, new double[] {1, 2, Double.NaN, 0}));
    }
}
