package jgrad.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.backend.DType;
import jgrad.nn.LayerGradCheck;
import jgrad.tensor.Tensor;

/** The critic, its input gradient written out by the chain rule, and the gradient penalty built on it. */
class CriticTest {

    private static final int WIDTH = 3;
    private static final int PAC = 2;

    private static Critic critic() {
        return new Critic(WIDTH, PAC, 4, DType.F64, new SplittableRandom(3));
    }

    /** The critic's weights with random biases, so that the leaky ReLUs' kinks fall at different places. */
    private static Map<String, Tensor> weights(Critic c) {
        Map<String, Tensor> w = new LinkedHashMap<>(c.parameters());
        SplittableRandom rng = new SplittableRandom(8);
        w.replaceAll((name, t) -> name.startsWith("b") ? Tensor.randn(rng, DType.F64, 0, 0.5, t.shape()) : t);
        return w;
    }

    private static Tensor rows(long seed, int n) {
        return Tensor.randn(new SplittableRandom(seed), DType.F64, 0, 1, n, WIDTH);
    }

    @Test
    void scoreGradientsMatchFiniteDifferences() {
        Critic c = critic();
        LayerGradCheck.check("Critic", weights(c), List.of(c.pack(rows(1, 6))), (w, in) -> c.score(w, in[0]));
    }

    @Test
    void writtenOutInputGradientEqualsBackpropagation() {
        Critic c = critic();
        Map<String, Tensor> w = weights(c);
        Tensor x = c.pack(rows(2, 8)).copy().requiresGrad(true);
        c.score(w, x).sum().backward();
        double[] expected = x.grad().toDoubleArray();
        double[] actual = c.inputGradient(w, x.detach()).toDoubleArray();
        assertArrayEquals(expected, actual, 1e-12);
    }

    @Test
    void gradientPenaltyGradientsMatchFiniteDifferences() {
        Critic c = critic();
        Tensor real = rows(4, 6);
        Tensor fake = rows(5, 6);
        Tensor eps = Tensor.of(new double[] {0.2, 0.2, 0.7, 0.7, 0.5, 0.5}, 6, 1);
        LayerGradCheck.check("gradient penalty", weights(c), List.of(),
                (w, in) -> c.gradientPenalty(w, real, fake, eps, 10));
    }

    @Test
    void gradientPenaltyIsLambdaTimesTheMeanSquaredDistanceOfTheNormFromOne() {
        Critic c = critic();
        Map<String, Tensor> w = weights(c);
        Tensor real = rows(6, 4);
        Tensor fake = rows(7, 4);
        Tensor eps = Tensor.of(new double[] {0.3, 0.3, 0.9, 0.9}, 4, 1);
        double[] g = c.inputGradient(w, c.pack(fake.add(eps.mul(real.sub(fake))))).toDoubleArray();
        int packWidth = PAC * WIDTH;
        double expected = 0;
        for (int p = 0; p < 2; p++) {
            double sq = 0;
            for (int i = 0; i < packWidth; i++) {
                sq += g[p * packWidth + i] * g[p * packWidth + i];
            }
            expected += (Math.sqrt(sq) - 1) * (Math.sqrt(sq) - 1) / 2;
        }
        assertEquals(10 * expected, c.gradientPenalty(w, real, fake, eps, 10).item(), 1e-9);
    }

    @Test
    void rowsThatDoNotFillThePacksAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> critic().score(rows(1, 3)));
        assertEquals("Critic: needs rows [B, 3] with B a multiple of 2, got [3, 3]", e.getMessage());
    }
}
