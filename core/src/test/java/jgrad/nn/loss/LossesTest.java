package jgrad.nn.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.nn.LayerGradCheck;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;

class LossesTest {

    private final SplittableRandom rng = new SplittableRandom(8);

    private Tensor randn(int... shape) {
        return Tensor.randn(rng, DType.F64, 0, 1.5, shape);
    }

    @Test
    void gradients() {
        Tensor labels = Tensor.of(new double[] {2, 0, 4, 4}, 4);
        Tensor targets01 = Tensor.rand(rng, DType.F64, 0, 1, 6);
        List.of(
                Map.entry("mse", (java.util.function.Function<Tensor[], Tensor>) in -> Losses.mse(in[0], in[1])),
                Map.entry("bce", (java.util.function.Function<Tensor[], Tensor>) in -> Losses.binaryCrossEntropy(in[0], in[1])),
                Map.entry("bpr", (java.util.function.Function<Tensor[], Tensor>) in -> Losses.bpr(in[0], in[1])))
                .forEach(e -> {
                    Tensor second = e.getKey().equals("bce") ? targets01 : randn(6);
                    double worst = LayerGradCheck.check(e.getKey(), Map.of(), List.of(randn(6), second), (w, in) -> e.getValue().apply(in));
                    System.out.println(e.getKey() + " grad check worst error " + worst);
                });
        double worst = LayerGradCheck.check("softmax CE", Map.of(), List.of(randn(4, 5)),
                (w, in) -> Losses.softmaxCrossEntropy(in[0], labels));
        System.out.println("softmax CE grad check worst error " + worst);
        LayerGradCheck.check("softplus at and around 0", Map.of(), List.of(Tensor.of(new double[] {0, -1e-3, 2e-3}, 3)),
                (w, in) -> Softplus.of(in[0]));
    }

    @Test
    void handComputedValues() {
        Tensor y = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2);
        Tensor t = Tensor.of(new double[] {1, 0, 3, 2}, 2, 2);
        assertEquals((0 + 4 + 0 + 4) / 4.0, Losses.mse(y, t).item(), 1e-15);

        Tensor z = Tensor.of(new double[] {1, 2, 3, 0, 0, 0}, 2, 3);
        double lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
        double expected = ((lse - 3) + Math.log(3)) / 2;
        assertEquals(expected, Losses.softmaxCrossEntropy(z, Tensor.of(new double[] {2, 1}, 2)).item(), 1e-15);

        double bce = -(Math.log(sigmoid(0.5)) + Math.log(1 - sigmoid(-2))) / 2;
        assertEquals(bce, Losses.binaryCrossEntropy(Tensor.of(new double[] {0.5, -2}, 2), Tensor.of(new double[] {1, 0}, 2)).item(), 1e-15);

        double bpr = -(Math.log(sigmoid(3 - 1)) + Math.log(sigmoid(0 - 0.5))) / 2;
        assertEquals(bpr, Losses.bpr(Tensor.of(new double[] {3, 0}, 2), Tensor.of(new double[] {1, 0.5}, 2)).item(), 1e-15);
    }

    @Test
    void softmaxCrossEntropyGradientIsPMinusOneHotOverN() {
        Tensor z = Tensor.of(new double[] {1, 2, 3, 0, 0, 0}, 2, 3).requiresGrad(true);
        Losses.softmaxCrossEntropy(z, Tensor.of(new double[] {2, 1}, 2)).backward();
        double[] p = z.detach().softmax(-1).toDoubleArray();
        p[2] -= 1;
        p[4] -= 1;
        for (int i = 0; i < p.length; i++) {
            p[i] /= 2;
        }
        assertArrayEquals(p, z.grad().toDoubleArray(), 1e-15);
    }

    @Test
    void stableAtLargeLogits() {
        for (DType dtype : DType.values()) {
            Tensor z = Tensor.of(new double[] {100, -100, 100, -100}, 4).to(dtype).requiresGrad(true);
            Tensor t = Tensor.of(new double[] {1, 0, 0, 1}, 4).to(dtype);
            Tensor loss = Losses.binaryCrossEntropy(z, t);
            loss.backward();
            assertEquals(50, loss.item(), 1e-4, dtype + ": two right (loss 0) and two wrong by 100 (loss 100 each), mean 50");
            assertArrayEquals(new double[] {0, 0, 0.25, -0.25}, z.grad().toDoubleArray(), 1e-6, dtype.name());

            Tensor logits = Tensor.of(new double[] {1000, 0, -1000}, 1, 3).to(dtype).requiresGrad(true);
            Tensor ce = Losses.softmaxCrossEntropy(logits, Tensor.of(new double[] {1}, 1));
            ce.backward();
            assertEquals(1000, ce.item(), 1e-3, dtype.name());
            assertArrayEquals(new double[] {1, -1, 0}, logits.grad().toDoubleArray(), 1e-6, dtype.name());
        }
    }

    @Test
    void badInputsAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Losses.mse(Tensor.zeros(2, 3), Tensor.zeros(3, 2)));
        assertTrue(e.getMessage().contains("mse") && e.getMessage().contains("[2, 3]") && e.getMessage().contains("[3, 2]"));
        var e2 = assertThrows(IndexOutOfBoundsException.class,
                () -> Losses.softmaxCrossEntropy(Tensor.zeros(2, 3), Tensor.of(new float[] {0, 3}, 2)));
        assertTrue(e2.getMessage().contains("label 3") && e2.getMessage().contains("3 classes"), e2.getMessage());
        var e3 = assertThrows(IllegalArgumentException.class,
                () -> Losses.softmaxCrossEntropy(Tensor.zeros(2, 3), Tensor.of(new float[] {0}, 1)));
        assertTrue(e3.getMessage().contains("2 rows") && e3.getMessage().contains("1 labels"), e3.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Losses.byName("hinge"));
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
