package jgrad.nn.gan;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.autograd.Autograd;
import jgrad.nn.Activation;
import jgrad.backend.DType;
import jgrad.backend.Storage;
import jgrad.tensor.Tensor;

/** The trainer on a 1-D mixture of two Gaussians: the generated histogram must cover both modes. */
class GanMixtureTest {

    private static final double MODE = 2;

    @Test
    void learnsBothModesOfAMixture() {
        SplittableRandom rng = new SplittableRandom(21);
        Generator g = new Generator(new int[] {4, 16, 16, 1}, List.of(Activation.TANH, Activation.TANH, Activation.LINEAR),
                DType.F32, rng);
        Discriminator d = new Discriminator(new int[] {1, 16, 16, 1},
                List.of(Activation.leakyRelu(0.2), Activation.leakyRelu(0.2), Activation.SIGMOID), DType.F32, rng);
        GanTrainer trainer = new GanTrainer(g, d, new TestAdam(5e-3), new TestAdam(5e-3), 1, GanLoss.NON_SATURATING);
        int batch = 64;
        for (int s = 0; s < 600; s++) {
            trainer.step(() -> mixture(rng, batch), () -> Tensor.randn(rng, DType.F32, 0, 1, batch, 4));
        }
        double[] samples;
        try (var ignored = Autograd.noGrad()) {
            samples = g.forward(Tensor.randn(rng, DType.F32, 0, 1, 2000, 4)).toDoubleArray();
        }
        long left = java.util.Arrays.stream(samples).filter(x -> Math.abs(x + MODE) < 0.75).count();
        long right = java.util.Arrays.stream(samples).filter(x -> Math.abs(x - MODE) < 0.75).count();
        String histogram = "near −2: " + left + ", near +2: " + right + " of " + samples.length;
        System.out.println("GAN on a mixture: " + histogram);
        assertTrue(left > 0.25 * samples.length && right > 0.25 * samples.length, histogram);
        assertTrue(left + right > 0.8 * samples.length, histogram);
    }

    /** Half the samples from N(−2, 0.25²), half from N(2, 0.25²). */
    private static Tensor mixture(SplittableRandom rng, int n) {
        Tensor x = Tensor.zeros(DType.F32, n, 1);
        for (int i = 0; i < n; i++) {
            x.storage().set(i, (rng.nextBoolean() ? MODE : -MODE) + 0.25 * rng.nextGaussian());
        }
        return x;
    }

    /** A minimal Adam for this test only (the engine's optimizers live elsewhere). */
    private static final class TestAdam implements GanTrainer.StepFn {
        private final double lr;
        private final Map<Tensor, double[][]> moments = new HashMap<>();
        private int t;

        TestAdam(double lr) {
            this.lr = lr;
        }

        @Override
        public void step(Map<String, Tensor> params) {
            t++;
            double c1 = 1 - Math.pow(0.5, t);
            double c2 = 1 - Math.pow(0.999, t);
            for (Tensor p : params.values()) {
                double[] grad = p.grad().toDoubleArray();
                double[][] m = moments.computeIfAbsent(p, k -> new double[2][grad.length]);
                Storage s = p.storage();
                for (int i = 0; i < grad.length; i++) {
                    m[0][i] = 0.5 * m[0][i] + 0.5 * grad[i];
                    m[1][i] = 0.999 * m[1][i] + 0.001 * grad[i] * grad[i];
                    s.set(i, s.get(i) - lr * (m[0][i] / c1) / (Math.sqrt(m[1][i] / c2) + 1e-8));
                }
            }
        }
    }
}
