package jgrad.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.nn.LayerGradCheck;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;

class LstmTest {

    private final SplittableRandom rng = new SplittableRandom(11);

    private Tensor randn(int... shape) {
        return Tensor.randn(rng, DType.F64, 0, 0.7, shape);
    }

    @Test
    void fusedGradientsMatchFiniteDifferences() {
        Lstm lstm = new Lstm(3, 4, true, DType.F64, rng);
        double worst = LayerGradCheck.check("LSTM fused", lstm.parameters(), List.of(randn(2, 3, 3), randn(2, 4), randn(2, 4)),
                (w, in) -> {
                    Lstm.Output o = lstm.forward(w, in[0], in[1], in[2]);
                    return LayerGradCheck.joined(o.h(), o.c());
                });
        System.out.println("LSTM fused grad check worst error " + worst);
    }

    @Test
    void unfusedGradientsMatchFiniteDifferences() {
        Lstm lstm = new Lstm(2, 3, true, DType.F64, rng);
        LayerGradCheck.check("LSTM unfused", lstm.parameters(), List.of(randn(2, 2, 2), randn(2, 3), randn(2, 3)),
                (w, in) -> {
                    Lstm.Output o = lstm.forwardUnfused(w, in[0], in[1], in[2]);
                    return LayerGradCheck.joined(o.h(), o.c());
                });
    }

    @Test
    void fusedAgreesWithUnfusedInValuesAndGradients() {
        fusedAgreesWithUnfused(4, 6, 5, 7, 2e-5);
    }

    /** Large enough (2.8 M multiply-adds) that the fused kernel runs the batch in slices side by side where it can. */
    @Test
    void fusedAgreesWithUnfusedOverABatchInSlices() {
        fusedAgreesWithUnfused(24, 30, 16, 24, 1e-4);
    }

    private void fusedAgreesWithUnfused(int batch, int steps, int in, int hidden, double f32Tolerance) {
        for (DType dtype : DType.values()) {
            Lstm lstm = new Lstm(in, hidden, true, dtype, new SplittableRandom(3));
            Tensor x = Tensor.randn(rng, dtype, 0, 1, batch, steps, in);
            Tensor h0 = Tensor.randn(rng, dtype, 0, 1, batch, hidden);
            Tensor c0 = Tensor.randn(rng, dtype, 0, 1, batch, hidden);
            Tensor gh = Tensor.randn(rng, dtype, 0, 1, batch, steps, hidden);
            Tensor gc = Tensor.randn(rng, dtype, 0, 1, batch, steps, hidden);
            Map<String, double[]> fused = run(lstm, x, h0, c0, gh, gc, true);
            Map<String, double[]> unfused = run(lstm, x, h0, c0, gh, gc, false);
            double tol = dtype == DType.F64 ? 1e-12 : f32Tolerance;
            for (String k : unfused.keySet()) {
                assertArrayEquals(unfused.get(k), fused.get(k), tol, dtype + " " + k);
            }
        }
    }

    /** Outputs and the gradients of L = Σ gh⊙h + Σ gc⊙c, by name. */
    private static Map<String, double[]> run(Lstm lstm, Tensor x0, Tensor h00, Tensor c00, Tensor gh, Tensor gc, boolean fused) {
        lstm.zeroGrad();
        Tensor x = x0.detach().requiresGrad(true);
        Tensor h0 = h00.detach().requiresGrad(true);
        Tensor c0 = c00.detach().requiresGrad(true);
        Lstm.Output o = fused ? lstm.forward(x, h0, c0) : lstm.forwardUnfused(lstm.parameters(), x, h0, c0);
        o.h().mul(gh).sum().add(o.c().mul(gc).sum()).backward();
        Map<String, double[]> r = new LinkedHashMap<>();
        r.put("h", o.h().toDoubleArray());
        r.put("c", o.c().toDoubleArray());
        r.put("dx", x.grad().toDoubleArray());
        r.put("dh0", h0.grad().toDoubleArray());
        r.put("dc0", c0.grad().toDoubleArray());
        lstm.parameters().forEach((k, v) -> r.put(k, v.grad().toDoubleArray()));
        return r;
    }

    @Test
    void handComputedSingleStep() {
        Lstm lstm = new Lstm(1, 1, true, DType.F64, rng);
        Map<String, Tensor> w = new LinkedHashMap<>();
        double[] wx = {0.5, -1, 2, 0.3};
        String[] gates = {"f", "i", "o", "c"};
        for (int k = 0; k < 4; k++) {
            w.put("W_x" + gates[k], Tensor.of(new double[] {wx[k]}, 1, 1));
            w.put("W_h" + gates[k], Tensor.of(new double[] {0.1 * (k + 1)}, 1, 1));
            w.put("b_" + gates[k], Tensor.of(new double[] {0.2}, 1));
        }
        double x = 1.5, h0 = -0.4, c0 = 0.8;
        Lstm.Output o = lstm.forward(w, Tensor.of(new double[] {x}, 1, 1, 1), Tensor.of(new double[] {h0}, 1, 1),
                Tensor.of(new double[] {c0}, 1, 1));
        double f = sigmoid(0.5 * x + 0.1 * h0 + 0.2);
        double i = sigmoid(-1 * x + 0.2 * h0 + 0.2);
        double og = sigmoid(2 * x + 0.3 * h0 + 0.2);
        double cand = Math.tanh(0.3 * x + 0.4 * h0 + 0.2);
        double c = f * c0 + i * cand;
        assertEquals(c, o.c().item(), 1e-14);
        assertEquals(og * Math.tanh(c), o.h().item(), 1e-14);
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void badShapesNameTheLayerAndShapes() {
        Lstm lstm = new Lstm(3, 4, rng);
        var e = assertThrows(IllegalArgumentException.class,
                () -> lstm.forward(Tensor.zeros(2, 5, 2), Tensor.zeros(2, 4), Tensor.zeros(2, 4)));
        assertTrue(e.getMessage().contains("LSTM(in=3, H=4)") && e.getMessage().contains("[2, 5, 2]")
                && e.getMessage().contains("[*, *, 3]"), e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class,
                () -> lstm.forward(Tensor.zeros(2, 5, 3), Tensor.zeros(3, 4), Tensor.zeros(2, 4)));
        assertTrue(e2.getMessage().contains("h0") && e2.getMessage().contains("[3, 4]"), e2.getMessage());
    }

    @Test
    void lastStateAndSequencesFromTheLayerInterface() {
        Lstm seq = new Lstm(3, 4, true, DType.F64, new SplittableRandom(5));
        Lstm last = new Lstm(3, 4, false, DType.F64, new SplittableRandom(5));
        Tensor x = randn(2, 5, 3);
        Tensor all = seq.forward(x);
        assertArrayEquals(new int[] {2, 5, 4}, all.shape());
        assertArrayEquals(all.narrow(1, 4, 1).reshape(2, 4).toDoubleArray(), last.forward(x).toDoubleArray(), 0);
    }
}
