package jgrad.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.nn.Activation;
import jgrad.nn.LayerGradCheck;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;

/** RNN and GRU. */
class RecurrentTest {

    private final SplittableRandom rng = new SplittableRandom(5);

    private Tensor randn(int... shape) {
        return Tensor.randn(rng, DType.F64, 0, 0.8, shape);
    }

    @Test
    void rnnGradientsForEverySigma() {
        for (Activation sigma : List.of(Activation.TANH, Activation.SIGMOID, Activation.RELU)) {
            Rnn rnn = new Rnn(3, 4, 2, sigma, Activation.LINEAR, true, DType.F64, rng);
            double worst = LayerGradCheck.check("RNN " + sigma.label(), rnn.parameters(), List.of(randn(2, 3, 3), randn(2, 4)),
                    (w, in) -> {
                        Rnn.Output o = rnn.forward(w, in[0], in[1]);
                        return LayerGradCheck.joined(o.h(), o.y());
                    });
            System.out.println("RNN " + sigma.label() + " grad check worst error " + worst);
        }
    }

    @Test
    void rnnUnfusedGradients() {
        Rnn rnn = new Rnn(2, 3, 2, Activation.TANH, Activation.SIGMOID, true, DType.F64, rng);
        LayerGradCheck.check("RNN unfused", rnn.parameters(), List.of(randn(2, 3, 2), randn(2, 3)), (w, in) -> {
            Rnn.Output o = rnn.forwardUnfused(w, in[0], in[1]);
            return LayerGradCheck.joined(o.h(), o.y());
        });
    }

    @Test
    void rnnFusedAgreesWithUnfusedInValuesAndGradients() {
        rnnFusedAgreesWithUnfused(4, 7, 5, 6, 2e-5);
    }

    /** Large enough (4.9 M multiply-adds) that the fused kernel runs the batch in slices side by side where it can. */
    @Test
    void rnnFusedAgreesWithUnfusedOverABatchInSlices() {
        rnnFusedAgreesWithUnfused(32, 40, 32, 48, 1e-4);
    }

    private void rnnFusedAgreesWithUnfused(int batch, int steps, int in, int hidden, double f32Tolerance) {
        for (Activation sigma : List.of(Activation.TANH, Activation.SIGMOID, Activation.RELU)) {
            for (DType dtype : DType.values()) {
                Rnn rnn = new Rnn(in, hidden, 3, sigma, Activation.LINEAR, true, dtype, new SplittableRandom(4));
                Tensor x = Tensor.randn(rng, dtype, 0, 1, batch, steps, in);
                Tensor h0 = Tensor.randn(rng, dtype, 0, 1, batch, hidden);
                Tensor gh = Tensor.randn(rng, dtype, 0, 1, batch, steps, hidden);
                Tensor gy = Tensor.randn(rng, dtype, 0, 1, batch, steps, 3);
                Map<String, double[]> fused = run(rnn, x, h0, gh, gy, true);
                Map<String, double[]> unfused = run(rnn, x, h0, gh, gy, false);
                double tol = dtype == DType.F64 ? 1e-12 : f32Tolerance;
                for (String k : unfused.keySet()) {
                    org.junit.jupiter.api.Assertions.assertArrayEquals(unfused.get(k), fused.get(k), tol,
                            sigma.label() + " " + dtype + " " + k);
                }
            }
        }
    }

    /** Outputs and the gradients of L = Σ gh⊙h + Σ gy⊙y, by name. */
    private static Map<String, double[]> run(Rnn rnn, Tensor x0, Tensor h00, Tensor gh, Tensor gy, boolean fused) {
        rnn.zeroGrad();
        Tensor x = x0.detach().requiresGrad(true);
        Tensor h0 = h00.detach().requiresGrad(true);
        Rnn.Output o = fused ? rnn.forward(x, h0) : rnn.forwardUnfused(rnn.parameters(), x, h0);
        o.h().mul(gh).sum().add(o.y().mul(gy).sum()).backward();
        Map<String, double[]> r = new java.util.LinkedHashMap<>();
        r.put("h", o.h().toDoubleArray());
        r.put("y", o.y().toDoubleArray());
        r.put("dx", x.grad().toDoubleArray());
        r.put("dh0", h0.grad().toDoubleArray());
        rnn.parameters().forEach((k, v) -> r.put(k, v.grad().toDoubleArray()));
        return r;
    }

    @Test
    void rnnHandComputedTwoSteps() {
        Rnn rnn = new Rnn(1, 1, 1, Activation.TANH, rng);
        Map<String, Tensor> w = Map.of("W_xh", scalar(0.5), "W_hh", scalar(-1), "b_h", Tensor.of(new double[] {0.1}, 1),
                "W_hy", scalar(2), "b_y", Tensor.of(new double[] {-0.3}, 1));
        Rnn.Output o = rnn.forward(w, Tensor.of(new double[] {1, -2}, 1, 2, 1), Tensor.of(new double[] {0.2}, 1, 1));
        double h1 = Math.tanh(0.5 * 1 - 1 * 0.2 + 0.1);
        double h2 = Math.tanh(0.5 * -2 - 1 * h1 + 0.1);
        assertArrayEquals(new double[] {h1, h2}, o.h().toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {2 * h1 - 0.3, 2 * h2 - 0.3}, o.y().toDoubleArray(), 1e-15);
    }

    @Test
    void gruGradients() {
        Gru gru = new Gru(3, 4, true, DType.F64, rng);
        double worst = LayerGradCheck.check("GRU", gru.parameters(), List.of(randn(2, 3, 3), randn(2, 4)),
                (w, in) -> gru.forward(w, in[0], in[1]));
        System.out.println("GRU grad check worst error " + worst);
    }

    @Test
    void gruUnfusedGradients() {
        Gru gru = new Gru(2, 3, true, DType.F64, rng);
        LayerGradCheck.check("GRU unfused", gru.parameters(), List.of(randn(2, 3, 2), randn(2, 3)),
                (w, in) -> gru.forwardUnfused(w, in[0], in[1]));
    }

    @Test
    void gruFusedAgreesWithUnfusedInValuesAndGradients() {
        gruFusedAgreesWithUnfused(4, 7, 5, 6, 2e-5);
    }

    /** Large enough (4.4 M multiply-adds) that the fused kernel runs the batch in slices side by side where it can. */
    @Test
    void gruFusedAgreesWithUnfusedOverABatchInSlices() {
        gruFusedAgreesWithUnfused(24, 40, 16, 32, 1e-4);
    }

    private void gruFusedAgreesWithUnfused(int batch, int steps, int in, int hidden, double f32Tolerance) {
        for (DType dtype : DType.values()) {
            Gru gru = new Gru(in, hidden, true, dtype, new SplittableRandom(4));
            Tensor x = Tensor.randn(rng, dtype, 0, 1, batch, steps, in);
            Tensor h00 = Tensor.randn(rng, dtype, 0, 1, batch, hidden);
            Tensor gh = Tensor.randn(rng, dtype, 0, 1, batch, steps, hidden);
            Map<String, double[]> results = new java.util.LinkedHashMap<>();
            for (boolean fused : new boolean[] {true, false}) {
                gru.zeroGrad();
                Tensor xl = x.detach().requiresGrad(true);
                Tensor h0 = h00.detach().requiresGrad(true);
                Tensor h = fused ? gru.forward(gru.parameters(), xl, h0) : gru.forwardUnfused(gru.parameters(), xl, h0);
                h.mul(gh).sum().backward();
                String tag = fused ? "fused " : "unfused ";
                results.put(tag + "h", h.toDoubleArray());
                results.put(tag + "dx", xl.grad().toDoubleArray());
                results.put(tag + "dh0", h0.grad().toDoubleArray());
                gru.parameters().forEach((k, v) -> results.put(tag + k, v.grad().toDoubleArray()));
            }
            double tol = dtype == DType.F64 ? 1e-12 : f32Tolerance;
            results.keySet().stream().filter(k -> k.startsWith("fused ")).forEach(k -> org.junit.jupiter.api.Assertions
                    .assertArrayEquals(results.get("un" + k), results.get(k), tol, dtype + " " + k));
        }
    }

    @Test
    void gruHandComputedStep() {
        Gru gru = new Gru(1, 1, true, DType.F64, rng);
        Map<String, Tensor> w = Map.of("W_xz", scalar(1), "W_hz", scalar(0.5), "b_z", Tensor.of(new double[] {0}, 1),
                "W_xr", scalar(-1), "W_hr", scalar(2), "b_r", Tensor.of(new double[] {0.1}, 1),
                "W_xh", scalar(0.3), "W_hh", scalar(-0.7), "b_h", Tensor.of(new double[] {0.2}, 1));
        double x = 0.8, h0 = -0.5;
        double z = sigmoid(x + 0.5 * h0);
        double r = sigmoid(-x + 2 * h0 + 0.1);
        double cand = Math.tanh(0.3 * x - 0.7 * r * h0 + 0.2);
        Tensor h = gru.forward(w, Tensor.of(new double[] {x}, 1, 1, 1), Tensor.of(new double[] {h0}, 1, 1));
        assertEquals(z * h0 + (1 - z) * cand, h.item(), 1e-15);
    }

    @Test
    void badShapesNameTheLayer() {
        Rnn rnn = new Rnn(3, 4, 2, Activation.TANH, rng);
        var e = assertThrows(IllegalArgumentException.class, () -> rnn.forward(Tensor.zeros(2, 3)));
        assertTrue(e.getMessage().contains("RNN(in=3, H=4, out=2, tanh)") && e.getMessage().contains("[2, 3]"), e.getMessage());
        Gru gru = new Gru(3, 4, rng);
        var e2 = assertThrows(IllegalArgumentException.class, () -> gru.forward(Tensor.zeros(2, 5, 4)));
        assertTrue(e2.getMessage().contains("GRU(in=3, H=4)") && e2.getMessage().contains("[2, 5, 4]"), e2.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Rnn(3, 4, 2, Activation.SOFTMAX, rng));
    }

    private static Tensor scalar(double v) {
        return Tensor.of(new double[] {v}, 1, 1);
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
