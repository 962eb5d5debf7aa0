package jgrad.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.autograd.GradCheck;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;

/** The layers jgrad.interop adds: float64 gradient checks, and a step computed by hand. */
class InteropLayersTest {

    private final SplittableRandom rng = new SplittableRandom(7);

    @Test
    void resetAfterGruGradientsMatchFiniteDifferences() {
        ResetAfterGru gru = new ResetAfterGru(3, 4, DType.F64, rng);
        List<String> names = List.copyOf(gru.parameters().keySet());
        Tensor[] inputs = new Tensor[names.size() + 1];
        for (int i = 0; i < names.size(); i++) {   // non-zero biases, so b_hn's place inside r ⊙ (…) is tested
            inputs[i] = Tensor.rand(rng, DType.F64, -0.7, 0.7, gru.parameters().get(names.get(i)).shape());
        }
        inputs[names.size()] = Tensor.rand(rng, DType.F64, -1, 1, 2, 3, 3);
        GradCheck.Result r = GradCheck.check(xs -> {
            Map<String, Tensor> w = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                w.put(names.get(i), xs[i]);
            }
            return gru.forward(w, xs[names.size()]);
        }, inputs);
        assertTrue(r.passed(1e-7), r.toString());
    }

    @Test
    void resetAfterGruOneStepByHand() {
        // in = H = 1, x_1 = 1, h_0 = 0: r = σ(w_xr + b_r), z = σ(w_xz + b_z), n = tanh(w_xn + b_xn + r·b_hn),
        // h_1 = (1 − z)·n (the h_0 terms vanish)
        ResetAfterGru gru = new ResetAfterGru(1, 1, DType.F64, rng);
        Map<String, Tensor> w = new LinkedHashMap<>();
        double[] v = {0.5, 0.3, -0.2, 0.9, 0.4, -0.6, 0.1, -0.3, 0.7, 0.25};
        String[] names = {"W_xr", "W_hr", "W_xz", "W_hz", "W_xn", "W_hn", "b_r", "b_z", "b_xn", "b_hn"};
        for (int i = 0; i < names.length; i++) {
            w.put(names[i], Tensor.of(new double[] {v[i]}, names[i].startsWith("b") ? new int[] {1} : new int[] {1, 1}));
        }
        double r = 1 / (1 + Math.exp(-(0.5 + 0.1)));
        double z = 1 / (1 + Math.exp(-(-0.2 - 0.3)));
        double n = Math.tanh(0.4 + 0.7 + r * 0.25);
        Tensor h = gru.forward(w, Tensor.of(new double[] {1}, 1, 1, 1));
        assertArrayEquals(new double[] {(1 - z) * n}, h.toDoubleArray(), 1e-15);
    }

    @Test
    void projectedAttentionGradientsMatchFiniteDifferences() {
        ProjectedAttention pool = new ProjectedAttention(3, 4, DType.F64);
        Tensor x = Tensor.rand(rng, DType.F64, -1, 1, 2, 5, 4);
        Tensor h = Tensor.rand(rng, DType.F64, -1, 1, 2, 3);
        GradCheck.Result r = GradCheck.check(xs -> {
            Map<String, Tensor> w = Map.of("W", xs[2], "b", xs[3]);
            Tensor q = xs[1].matmul(w.get("W"), false, true).add(w.get("b"));
            return pool.pool(xs[0], q).c();
        }, x, h, Tensor.rand(rng, DType.F64, -1, 1, 4, 3), Tensor.rand(rng, DType.F64, -1, 1, 4));
        assertTrue(r.passed(1e-7), r.toString());
    }
}
