package jgrad.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.backend.DType;
import jgrad.nn.LayerGradCheck;
import jgrad.tensor.Tensor;

/** The generator's span activations and conditional loss, by hand and by finite differences. */
class TabularGeneratorTest {

    private static final List<Span> SPANS = List.of(new Span(Span.Kind.TANH, 0, 1), new Span(Span.Kind.SOFTMAX, 1, 2),
            new Span(Span.Kind.SOFTMAX, 3, 3));

    @Test
    void conditionalLossIsTheCrossEntropyOfTheChosenCategoriesByHand() {
        Tensor logits = Tensor.of(new double[] {0.5, 1, 2, 0, 0, 3, 9, -1, 1, 2, 0.5, 0.5}, 2, 6);
        // row 1 chose the first categorical column's 2nd category, row 2 the second column's 1st
        Tensor conditions = Tensor.of(new double[] {0, 1, 0, 0, 0, 0, 0, 1, 0, 0}, 2, 5);
        double row1 = -(2 - Math.log(Math.exp(1) + Math.exp(2)));
        double row2 = -(2 - Math.log(Math.exp(2) + Math.exp(0.5) + Math.exp(0.5)));
        double actual = TabularGenerator.conditionalLoss(logits, conditions, SPANS.subList(1, 3)).item();
        assertEquals((row1 + row2) / 2, actual, 1e-12);
    }

    @Test
    void activationIsTanhAndGumbelSoftmaxPerSpan() {
        TabularGenerator g = new TabularGenerator(2, 1, 3, SPANS, 6, DType.F64, new SplittableRandom(1));
        Tensor logits = Tensor.of(new double[] {0.5, 1, 2, 0, 0, 3}, 1, 6);
        Tensor gumbel = Tensor.of(new double[] {7, 0.1, -0.1, 1, 0, 0}, 1, 6);
        double[] a = g.activate(logits, gumbel, 0.5).toDoubleArray();
        assertEquals(Math.tanh(0.5), a[0], 1e-12);
        double e1 = Math.exp((1 + 0.1) / 0.5);
        double e2 = Math.exp((2 - 0.1) / 0.5);
        assertEquals(e1 / (e1 + e2), a[1], 1e-12);
        double f0 = Math.exp(1 / 0.5);
        double f2 = Math.exp(3 / 0.5);
        assertEquals(f2 / (f0 + 1 + f2), a[5], 1e-12);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        TabularGenerator g = new TabularGenerator(2, 5, 3, SPANS, 6, DType.F64, new SplittableRandom(2));
        g.train();
        Map<String, Tensor> weights = g.parameters();
        Tensor z = Tensor.randn(new SplittableRandom(3), DType.F64, 0, 1, 4, 2);
        Tensor c = Tensor.of(new double[] {1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1}, 4, 5);
        Tensor gumbel = Tensor.randn(new SplittableRandom(4), DType.F64, 0, 1, 4, 6);
        Tensor mix = Tensor.randn(new SplittableRandom(5), DType.F64, 0, 1, 4, 6);
        // the generator reads its own parameters: perturb them in place through the weights map it holds
        LayerGradCheck.check("TabularGenerator", Map.of(), List.of(z, mix), (w, in) -> {
            Tensor logits = g.logits(in[0], c);
            return LayerGradCheck.joined(g.activate(logits, gumbel, 0.5).mul(in[1]).sum().reshape(1),
                    TabularGenerator.conditionalLoss(logits, c, SPANS.subList(1, 3)).reshape(1));
        });
        assertEquals(10, weights.size());
    }
}
