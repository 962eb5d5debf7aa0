package jgrad.nn.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.nn.Activation;
import jgrad.nn.LayerGradCheck;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;

class GanTest {

    private final SplittableRandom rng = new SplittableRandom(10);

    private Generator generator() {
        return new Generator(new int[] {2, 4, 1}, List.of(Activation.TANH, Activation.LINEAR), DType.F64, rng);
    }

    private Discriminator discriminator() {
        return new Discriminator(new int[] {1, 4, 1}, List.of(Activation.TANH, Activation.SIGMOID), DType.F64, rng);
    }

    @Test
    void gradientsOfBothLossesThroughBothNetworks() {
        Generator g = generator();
        Discriminator d = discriminator();
        Tensor z = Tensor.randn(rng, DType.F64, 0, 1, 5, 2);
        Tensor real = Tensor.randn(rng, DType.F64, 2, 1, 5, 1);
        Map<String, Tensor> all = new java.util.LinkedHashMap<>();
        g.parameters().forEach((k, t) -> all.put("G." + k, t));
        d.parameters().forEach((k, t) -> all.put("D." + k, t));
        for (GanLoss kind : GanLoss.values()) {
            double worst = LayerGradCheck.check("GAN " + kind, all, List.of(), (w, in) -> {
                Map<String, Tensor> gw = part(w, "G."), dw = part(w, "D.");
                Tensor fake = g.forward(gw, z);
                Tensor lossD = GanLoss.discriminator(d.logits(dw, real), d.logits(dw, fake));
                return LayerGradCheck.joined(lossD, kind.generator(d.logits(dw, fake)));
            });
            System.out.println("GAN " + kind + " grad check worst error " + worst);
        }
    }

    @Test
    void lossesAgainstTheirDefinitionsWithProbabilities() {
        Discriminator d = discriminator();
        Tensor real = Tensor.randn(rng, DType.F64, 0, 1, 4, 1);
        Tensor fake = Tensor.randn(rng, DType.F64, 0, 1, 4, 1);
        Map<String, Tensor> w = d.parameters();
        Tensor dReal = d.forward(real);
        Tensor dFake = d.forward(fake);
        double expectedD = -dReal.log().mean().item() - dFake.neg().add(1).log().mean().item();
        assertEquals(expectedD, GanLoss.discriminator(d.logits(w, real), d.logits(w, fake)).item(), 1e-12);
        assertEquals(-dFake.log().mean().item(), GanLoss.NON_SATURATING.generator(d.logits(w, fake)).item(), 1e-12);
        assertEquals(dFake.neg().add(1).log().mean().item(), GanLoss.MINIMAX.generator(d.logits(w, fake)).item(), 1e-12);
    }

    @Test
    void trainerTakesKDiscriminatorStepsPerGeneratorStepAndReportsBothLosses() {
        Generator g = generator();
        Discriminator d = discriminator();
        List<String> calls = new ArrayList<>();
        GanTrainer trainer = new GanTrainer(g, d, p -> {
            calls.add("D");
            assertTrue(p.values().stream().allMatch(t -> t.grad() != null), "D has gradients when its step runs");
        }, p -> {
            calls.add("G");
            assertTrue(p.values().stream().allMatch(t -> t.grad() != null), "G has gradients when its step runs");
        }, 3, GanLoss.NON_SATURATING);
        GanTrainer.StepLosses losses = trainer.step(() -> Tensor.randn(rng, DType.F64, 3, 1, 8, 1),
                () -> Tensor.randn(rng, DType.F64, 0, 1, 8, 2));
        assertEquals(List.of("D", "D", "D", "G"), calls);
        assertTrue(losses.discriminator() > 0 && losses.generator() > 0, losses.toString());
        assertTrue(d.parameters().values().stream().allMatch(t -> t.grad() == null), "G's step leaves no gradient in D");
    }

    /** Plain gradient descent, enough to watch D learn to tell real (around 3) from fixed fakes (around 0). */
    @Test
    void discriminatorStepsLowerItsLoss() {
        Generator g = generator();
        Discriminator d = discriminator();
        GanTrainer.StepFn sgd = p -> p.values().forEach(t -> {
            double[] v = t.toDoubleArray();
            double[] gr = t.grad().toDoubleArray();
            for (int i = 0; i < v.length; i++) {
                t.storage().set(i, v[i] - 0.1 * gr[i]);
            }
        });
        GanTrainer trainer = new GanTrainer(g, d, sgd, p -> { }, 1, GanLoss.MINIMAX);
        SplittableRandom data = new SplittableRandom(12);
        double first = 0, last = 0;
        for (int s = 0; s < 200; s++) {
            double lossD = trainer.step(() -> Tensor.randn(data, DType.F64, 3, 0.5, 16, 1),
                    () -> Tensor.randn(data, DType.F64, 0, 1, 16, 2)).discriminator();
            first = s == 0 ? lossD : first;
            last = lossD;
        }
        assertTrue(last < 0.5 * first, "D's loss from " + first + " to " + last);
    }

    @Test
    void badConfigurationsAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Discriminator(new int[] {2, 3},
                List.of(Activation.RELU), DType.F64, rng));
        assertTrue(e.getMessage().contains("sigmoid"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Generator(new int[] {2, 3, 1}, List.of(Activation.RELU),
                DType.F64, rng));
        assertThrows(IllegalArgumentException.class, () -> GanLoss.of("wasserstein"));
    }

    private static Map<String, Tensor> part(Map<String, Tensor> w, String prefix) {
        Map<String, Tensor> out = new java.util.LinkedHashMap<>();
        w.forEach((k, t) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), t);
            }
        });
        return out;
    }
}
