package jgrad.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.backend.DType;
import jgrad.random.PhiloxRandom;
import jgrad.tensor.Tensor;

/**
 * The RBM: its exact likelihood against brute force over every (v, h), a Gaussian density that integrates to 1,
 * autograd's gradient of it against finite differences, and contrastive divergence against that exact gradient.
 */
class RbmTest {

    /** An RBM with N(0, scale²) weights and biases, so that its states are far from uniform. */
    private static Rbm randomRbm(int v, int h, Rbm.Visible kind, double scale, long seed) {
        Rbm rbm = new Rbm(v, h, kind, DType.F64, new SplittableRandom(seed));
        SplittableRandom rng = new SplittableRandom(seed + 1);
        rbm.parameters().forEach((name, p) -> p.copyFrom(Tensor.randn(rng, DType.F64, 0, scale, p.shape())));
        return rbm;
    }

    private static double[][] binaryRows() {
        return new double[][] {{1, 0, 1}, {0, 0, 1}, {1, 1, 1}, {0, 1, 0}, {1, 0, 0}};
    }

    @Test
    void exactLikelihoodEqualsBruteForceOverEveryVisibleAndHiddenState() {
        Rbm rbm = randomRbm(3, 2, Rbm.Visible.BERNOULLI, 1, 3);
        double[] w = rbm.parameters().get("W").toDoubleArray();     // [2, 3]
        double[] b = rbm.parameters().get("b").toDoubleArray();
        double[] c = rbm.parameters().get("c").toDoubleArray();
        double z = 0;
        double[] unnormalized = new double[8];
        for (int vs = 0; vs < 8; vs++) {
            for (int hs = 0; hs < 4; hs++) {
                double minusEnergy = 0;
                for (int i = 0; i < 3; i++) {
                    minusEnergy += b[i] * ((vs >> i) & 1);
                }
                for (int j = 0; j < 2; j++) {
                    int hj = (hs >> j) & 1;
                    minusEnergy += c[j] * hj;
                    for (int i = 0; i < 3; i++) {
                        minusEnergy += hj * w[j * 3 + i] * ((vs >> i) & 1);
                    }
                }
                unnormalized[vs] += Math.exp(minusEnergy);
                z += Math.exp(minusEnergy);
            }
        }
        double[][] rows = binaryRows();
        double expected = 0;
        for (double[] row : rows) {
            int vs = (int) (row[0] + 2 * row[1] + 4 * row[2]);
            expected += Math.log(unnormalized[vs] / z) / rows.length;
        }
        assertEquals(Math.log(z), RbmLikelihood.logPartition(rbm).item(), 1e-12);
        assertEquals(expected, RbmLikelihood.meanLogLikelihood(rbm, tensor(rows)).item(), 1e-12);
    }

    @Test
    void theGaussianRbmsDensityIntegratesToOne() {
        Rbm rbm = randomRbm(1, 2, Rbm.Visible.GAUSSIAN, 1, 5);
        int n = 3001;
        double[] grid = new double[n];
        for (int i = 0; i < n; i++) {
            grid[i] = -15 + 30.0 * i / (n - 1);
        }
        double[] logDensity = rbm.freeEnergy(Tensor.of(grid, n, 1)).neg().sub(RbmLikelihood.logPartition(rbm)).toDoubleArray();
        double integral = 0;
        for (int i = 0; i < n - 1; i++) {
            integral += 0.5 * (Math.exp(logDensity[i]) + Math.exp(logDensity[i + 1])) * (grid[i + 1] - grid[i]);
        }
        assertEquals(1, integral, 1e-6);
    }

    @Test
    void autogradsGradientOfTheExactLikelihoodMatchesFiniteDifferences() {
        for (Rbm.Visible kind : Rbm.Visible.values()) {
            Rbm rbm = randomRbm(3, 2, kind, 0.7, 8);
            Tensor v = tensor(binaryRows());
            rbm.zeroGrad();
            RbmLikelihood.meanLogLikelihood(rbm, v).backward();
            rbm.parameters().forEach((name, p) -> {
                double[] analytic = p.grad().toDoubleArray();
                for (int e = 0; e < p.numel(); e++) {
                    double original = p.storage().get(e);
                    p.storage().set(e, original + 1e-6);
                    double plus = RbmLikelihood.meanLogLikelihood(rbm, v).item();
                    p.storage().set(e, original - 1e-6);
                    double minus = RbmLikelihood.meanLogLikelihood(rbm, v).item();
                    p.storage().set(e, original);
                    assertEquals((plus - minus) / 2e-6, analytic[e], 1e-7, kind + " " + name + "[" + e + "]");
                }
            });
        }
    }

    @Test
    void contrastiveDivergenceFromLongChainsEstimatesTheExactGradient() {
        Rbm rbm = randomRbm(4, 3, Rbm.Visible.BERNOULLI, 1, 11);
        double[][] data = {{1, 0, 1, 1}, {0, 0, 1, 0}, {1, 1, 1, 0}, {0, 1, 0, 0}};
        double[][] starts = new double[4000][];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = data[i % data.length];
        }
        Tensor chains = rbm.gibbs(tensor(starts), 100, new PhiloxRandom(2));
        rbm.zeroGrad();
        rbm.contrastiveLoss(tensor(data), chains).backward();
        var cd = new java.util.LinkedHashMap<String, double[]>();
        rbm.parameters().forEach((name, p) -> cd.put(name, p.grad().toDoubleArray()));
        rbm.zeroGrad();
        RbmLikelihood.meanLogLikelihood(rbm, tensor(data)).neg().backward();
        rbm.parameters().forEach((name, p) -> {
            double[] exact = p.grad().toDoubleArray();
            for (int e = 0; e < exact.length; e++) {
                // each term is a mean of 4,000 draws bounded by 1: a standard error near 0.008
                assertEquals(exact[e], cd.get(name)[e], 0.04, name + "[" + e + "]");
            }
        });
    }

    @Test
    void cdAndPersistentCdRaiseTheExactLikelihood() {
        double[][] rows = new double[64][];
        SplittableRandom rng = new SplittableRandom(6);
        for (int r = 0; r < rows.length; r++) {
            int pattern = rng.nextInt(2);                                   // two prototypes, bits flipped 5 % of the time
            rows[r] = new double[6];
            for (int i = 0; i < 6; i++) {
                double bit = (i < 3) == (pattern == 0) ? 1 : 0;
                rows[r][i] = rng.nextDouble() < 0.05 ? 1 - bit : bit;
            }
        }
        for (boolean persistent : new boolean[] {false, true}) {
            Rbm rbm = new Rbm(6, 4, Rbm.Visible.BERNOULLI, DType.F64, new SplittableRandom(1));
            double before = RbmLikelihood.meanLogLikelihood(rbm, tensor(rows)).item();
            double[] errors = RbmTraining.fit(rbm, rows, 60, 16, 0.1, 1, persistent, 3);
            double after = RbmLikelihood.meanLogLikelihood(rbm, tensor(rows)).item();
            assertTrue(after > before + 1.0, (persistent ? "PCD" : "CD-1") + ": " + before + " -> " + after);
            assertTrue(errors[errors.length - 1] < errors[0]);
        }
        assertThrows(IllegalArgumentException.class, () -> RbmLikelihood.logPartition(
                new Rbm(2, 21, Rbm.Visible.BERNOULLI, DType.F64, new SplittableRandom(1))));
    }

    private static Tensor tensor(double[][] rows) {
        double[] flat = new double[rows.length * rows[0].length];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * rows[0].length, rows[0].length);
        }
        return Tensor.of(flat, rows.length, rows[0].length);
    }
}
