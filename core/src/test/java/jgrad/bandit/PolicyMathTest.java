package jgrad.bandit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Each policy's arithmetic against values worked by hand, and the samplers against their moments. */
class PolicyMathTest {

    @Test
    void shermanMorrisonKeepsTheInverseOfA() {
        RidgeArm arm = new RidgeArm(3, 2);
        double[][] xs = {{1, 0.5, -1}, {0.2, 2, 0}, {1, 1, 1}, {-0.5, 0.3, 0.8}};
        double[][] a = {{2, 0, 0}, {0, 2, 0}, {0, 0, 2}};
        for (double[] x : xs) {
            arm.update(x, 1);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    a[i][j] += x[i] * x[j];
                }
            }
        }
        double[][] inv = arm.inverse();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += a[i][k] * inv[k][j];
                }
                assertEquals(i == j ? 1 : 0, s, 1e-12);
            }
        }
    }

    @Test
    void linUcbScoresByHand() {
        // arm 0 saw x = (1, 0) with reward 1: A = [[2,0],[0,1]], b = (1,0), θ = (0.5, 0)
        LinUcb p = new LinUcb(2, 2, 0.4);
        p.update(new double[] {1, 0}, 0, 1);
        double[] u = p.upperBounds(new double[] {1, 0});
        assertEquals(0.5 + 0.4 * Math.sqrt(0.5), u[0], 1e-15);
        assertEquals(0.4, u[1], 1e-15);                    // untouched arm: θ = 0, xᵀx = 1
        double[] v = p.upperBounds(new double[] {0, 2});
        assertEquals(0.8, v[0], 1e-15);
        assertEquals(0, p.choose(new double[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> p.choose(new double[] {1, 0, 0}));
    }

    @Test
    void ucb1PlaysEachArmOnceThenTheBound() {
        Ucb1 p = new Ucb1(2);
        assertEquals(0, p.choose(null));
        p.update(null, 0, 1);
        assertEquals(1, p.choose(null));
        p.update(null, 1, 0);
        // t = 2: arm 0 scores 1 + √(2 ln 2) = 2.177…, arm 1 scores √(2 ln 2) = 1.177…
        assertEquals(0, p.choose(null));
        p.update(null, 0, 0);
        // t = 3: arm 0 = 1/2 + √(2 ln 3 / 2) = 1.548…, arm 1 = √(2 ln 3) = 1.482…
        assertEquals(0, p.choose(null));
        p.update(null, 0, 0);
        // t = 4: arm 0 = 1/3 + √(2 ln 4 / 3) = 1.294…, arm 1 = √(2 ln 4) = 1.665…
        assertEquals(1, p.choose(null));
    }

    @Test
    void epsilonDecays() {
        EpsilonGreedy p = new EpsilonGreedy(3, 0.2, 0.5, new SplittableRandom(1));
        assertEquals(0.2, p.epsilon());
        p.update(null, 0, 1);
        p.update(null, 1, 0);
        assertEquals(0.1, p.epsilon(), 1e-15);            // 0.2 / (1 + 0.5·2)
        assertThrows(IllegalArgumentException.class, () -> new EpsilonGreedy(3, 1.5, 0, new SplittableRandom(1)));
    }

    @Test
    void betaDrawsHaveTheBetaMoments() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 40_000;
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            double x = Sampling.beta(2, 5, r);
            sum += x;
            sq += x * x;
        }
        double mean = sum / n;
        double variance = sq / n - mean * mean;
        double trueVariance = 10.0 / (49 * 8);             // ab / ((a+b)²(a+b+1))
        assertEquals(2.0 / 7, mean, 4 * Math.sqrt(trueVariance / n));
        assertEquals(trueVariance, variance, 0.05 * trueVariance);
        assertTrue(Sampling.gamma(0.3, r) > 0);
    }

    @Test
    void logisticRegressionMatchesScipy() {
        double[][] x = {{1, 0.5, -1}, {1, 1.5, 0.2}, {1, -0.3, 0.7}, {1, 2.0, -0.4}, {1, -1.2, 1.1}, {1, 0.1, 0.0},
            {1, 0.9, 1.3}, {1, -0.7, -0.8}};
        double[] y = {1, 1, 0, 1, 0, 0, 1, 0};
        // src/test/resources/bandit/logistic_expected.py
        assertArrayEquals(new double[] {-0.3958595, 1.76343546, -0.17028591},
                LogisticRegression.fit(x, y, 0.5, 50), 2e-7);
    }

    @Test
    void thompsonSettlesOnTheBetterArm() {
        BernoulliThompson p = new BernoulliThompson(2, new SplittableRandom(5));
        SplittableRandom world = new SplittableRandom(6);
        double[] rate = {0.2, 0.8};
        int best = 0;
        for (int t = 0; t < 2000; t++) {
            int a = p.choose(null);
            p.update(null, a, world.nextDouble() < rate[a] ? 1 : 0);
            best += a;
        }
        assertTrue(best > 1900, "pulls of the better arm: " + best);
        assertThrows(IllegalArgumentException.class, () -> p.update(null, 0, 0.5));
    }
}
