package jgrad.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.autograd.Autograd;
import jgrad.nn.Activation;
import jgrad.nn.Module;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;
import jgrad.testing.Allocations;

/** The buffers the fused LSTM, RNN and GRU keep between calls ({@link jgrad.kernels.Workspace}). */
class SequenceWorkspaceTest {

    /** The three layers, built from one seed so that two instances hold the same weights. */
    private enum Kind {
        LSTM, RNN, GRU;

        Module make(DType dtype) {
            SplittableRandom rng = new SplittableRandom(21);
            return switch (this) {
                case LSTM -> new Lstm(3, 5, true, dtype, rng);
                case RNN -> new Rnn(3, 5, 2, Activation.TANH, Activation.LINEAR, true, dtype, rng);
                case GRU -> new Gru(3, 5, true, dtype, rng);
            };
        }
    }

    /**
     * One training step on inputs drawn from {@code seed}, L = Σ u ⊙ h (+ Σ v ⊙ c for the LSTM):
     * the outputs and every gradient (weights, x, h0, c0), by name.
     */
    private static Map<String, double[]> step(Module layer, DType dtype, int batch, int steps, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Tensor x = Tensor.randn(rng, dtype, 0, 1, batch, steps, 3).requiresGrad(true);
        Tensor h0 = Tensor.randn(rng, dtype, 0, 1, batch, 5).requiresGrad(true);
        Tensor c0 = Tensor.randn(rng, dtype, 0, 1, batch, 5).requiresGrad(true);
        Tensor u = Tensor.randn(rng, dtype, 0, 1, batch, steps, 5);
        Tensor v = Tensor.randn(rng, dtype, 0, 1, batch, steps, 5);
        layer.zeroGrad();
        Map<String, double[]> r = new LinkedHashMap<>();
        Tensor h;
        Tensor loss;
        if (layer instanceof Lstm lstm) {
            Lstm.Output o = lstm.forward(x, h0, c0);
            h = o.h();
            loss = h.mul(u).sum().add(o.c().mul(v).sum());
            r.put("c", o.c().toDoubleArray());
        } else {
            h = layer instanceof Rnn rnn ? rnn.forward(x, h0).h() : ((Gru) layer).forward(layer.parameters(), x, h0);
            loss = h.mul(u).sum();
        }
        loss.backward();
        r.put("h", h.toDoubleArray());
        r.put("dx", x.grad().toDoubleArray());
        r.put("dh0", h0.grad().toDoubleArray());
        if (c0.grad() != null) {
            r.put("dc0", c0.grad().toDoubleArray());
        }
        layer.parameters().forEach((k, w) -> {
            if (w.grad() != null) {
                r.put(k, w.grad().toDoubleArray());
            }
        });
        return r;
    }

    private static void assertSameBits(Map<String, double[]> expected, Map<String, double[]> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet(), what);
        expected.forEach((k, e) -> assertArrayEquals(e, actual.get(k), 0, what + ": " + k));
    }

    @Test
    void aReusedWorkspaceGivesTheBitsOfAFreshOne() {
        for (Kind kind : Kind.values()) {
            for (DType dtype : DType.values()) {
                Module used = kind.make(dtype);
                step(used, dtype, 5, 7, 1);                                     // larger: the buffers grow
                try (var off = Autograd.noGrad()) {                             // nothing recorded: given back at once
                    hiddenStates(used, Tensor.ones(dtype, 2, 3, 3), Tensor.ones(dtype, 2, 5));
                }
                Map<String, double[]> smaller = step(used, dtype, 3, 4, 3);     // smaller: reused, stale contents
                Map<String, double[]> larger = step(used, dtype, 6, 9, 4);      // grows again
                assertSameBits(step(kind.make(dtype), dtype, 3, 4, 3), smaller, kind + " " + dtype + " smaller");
                assertSameBits(step(kind.make(dtype), dtype, 6, 9, 4), larger, kind + " " + dtype + " larger");
            }
        }
    }

    @Test
    void twoCallsInFlightKeepTheirOwnBuffers() {
        for (Kind kind : Kind.values()) {
            DType dtype = DType.F64;
            Module layer = kind.make(dtype);
            SplittableRandom rng = new SplittableRandom(8);
            Tensor x1 = Tensor.randn(rng, dtype, 0, 1, 2, 4, 3);
            Tensor x2 = Tensor.randn(rng, dtype, 0, 1, 2, 4, 3);
            Tensor h0 = Tensor.zeros(dtype, 2, 5);
            Tensor both = hiddenStates(layer, x1, h0).sum().add(hiddenStates(layer, x2, h0).mul(3).sum());
            both.backward();
            Module apart = kind.make(dtype);
            hiddenStates(apart, x1, h0).sum().backward();
            hiddenStates(apart, x2, h0).mul(3).sum().backward();                // grads add up across the two
            apart.parameters().forEach((k, w) -> {
                Tensor g = layer.parameters().get(k).grad();
                if (w.grad() == null) {                                         // the RNN's output weights: unused
                    assertEquals(null, g, kind + " " + k);
                } else {
                    assertArrayEquals(w.grad().toDoubleArray(), g.toDoubleArray(), 0, kind + " " + k);
                }
            });
        }
    }

    @Test
    void aRetainedGraphKeepsItsBuffersForTheNextBackward() {
        for (Kind kind : Kind.values()) {
            DType dtype = DType.F64;
            Module layer = kind.make(dtype);
            SplittableRandom rng = new SplittableRandom(9);
            Tensor x = Tensor.randn(rng, dtype, 0, 1, 2, 4, 3);
            Tensor h0 = Tensor.randn(rng, dtype, 0, 1, 2, 5);
            Tensor loss = hiddenStates(layer, x, h0).pow(2).sum();
            loss.backward(Tensor.scalar(dtype, 1), true);
            Map<String, double[]> once = new LinkedHashMap<>();
            layer.parameters().forEach((k, w) -> once.put(k, w.grad() == null ? null : w.grad().toDoubleArray()));
            hiddenStates(layer, x.mul(2), h0).sum().backward();                 // another call in between
            layer.zeroGrad();
            loss.backward();                                                    // the same graph again
            layer.parameters().forEach((k, w) -> {
                if (once.get(k) != null) {
                    assertArrayEquals(once.get(k), w.grad().toDoubleArray(), 0, kind + " " + k);
                }
            });
        }
    }

    private static Tensor hiddenStates(Module layer, Tensor x, Tensor h0) {
        return switch (layer) {
            case Lstm lstm -> lstm.forward(x, h0, h0).h();
            case Rnn rnn -> rnn.forward(x, h0).h();
            default -> ((Gru) layer).forward(layer.parameters(), x, h0);
        };
    }

    @Test
    void aSteadyTrainingStepAllocatesItsOutputsAndGradientsOnly() {
        int batch = 8, steps = 16, in = 16, hidden = 64;
        DType dtype = DType.F32;
        SplittableRandom rng = new SplittableRandom(2);
        Tensor x = Tensor.randn(rng, dtype, 0, 1, batch, steps, in);
        Tensor h0 = Tensor.zeros(dtype, batch, hidden);
        Module[] layers = {new Lstm(in, hidden, true, dtype, rng),
                new Rnn(in, hidden, 1, Activation.TANH, Activation.LINEAR, true, dtype, rng),
                new Gru(in, hidden, true, dtype, rng)};
        for (Module layer : layers) {
            long bytes = Allocations.ofOneRun(20, () -> {
                layer.zeroGrad();
                hiddenStates(layer, x, h0).sum().backward();
            });
            // The outputs (h and, for the LSTM, c), the weights' gradients, and 96 KB for small
            // objects (the graph, index arrays, the scalar GEMM's row accumulators). The kernels'
            // buffers, the sum of the output's gradient among them, are some 10 times the outputs.
            long outputs = 4L * batch * steps * hidden * (layer instanceof Lstm ? 2 : 1);
            long weights = 4L * layer.parameters().values().stream().mapToLong(Tensor::numel).sum();
            long bound = outputs + weights + (96 << 10);
            assertTrue(bytes < bound, layer.getClass().getSimpleName() + ": a step allocated " + bytes
                    + " bytes, bound " + bound);
        }
    }
}
