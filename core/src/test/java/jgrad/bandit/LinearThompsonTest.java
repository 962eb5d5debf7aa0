package jgrad.bandit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.abtest.Distributions;

/** Linear Thompson sampling's Cholesky factor by hand, and its choices at the frequency its posterior implies. */
class LinearThompsonTest {

    @Test
    void choleskyByHand() {
        // [[4, 2], [2, 3]] = L Lᵀ with L = [[2, 0], [1, √2]]
        double[][] l = LinearThompson.cholesky(new double[][] {{4, 2}, {2, 3}});
        assertEquals(2, l[0][0], 1e-15);
        assertEquals(0, l[0][1], 0);
        assertEquals(1, l[1][0], 1e-15);
        assertEquals(Math.sqrt(2), l[1][1], 1e-15);
    }

    @Test
    void choosesAnArmAsOftenAsItsDrawWins() {
        // one feature x = 1, ridge λ = 1: arm 0 saw reward 1 once (A₀ = 2, θ̂₀ = ½), arm 1 nothing (A₁ = 1, θ̂₁ = 0).
        // θ̃₀ − θ̃₁ ~ N(½, v²(½ + 1)), so arm 0 is chosen with probability Φ(½ / (v √1.5)).
        double v = 0.4;
        LinearThompson policy = new LinearThompson(2, 1, v, new SplittableRandom(8));
        policy.update(new double[] {1}, 0, 1);
        int draws = 40_000;
        int first = 0;
        for (int i = 0; i < draws; i++) {
            first += policy.choose(new double[] {1}) == 0 ? 1 : 0;
        }
        double expected = Distributions.normalCdf(0.5 / (v * Math.sqrt(1.5)));
        assertEquals(expected, (double) first / draws, 4 * Math.sqrt(expected * (1 - expected) / draws));
    }
}
