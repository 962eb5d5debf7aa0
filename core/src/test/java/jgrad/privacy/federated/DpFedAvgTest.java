package jgrad.privacy.federated;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

import jgrad.backend.DType;
import jgrad.nn.Activation;
import jgrad.nn.layers.Dense;
import jgrad.nn.loss.Losses;
import jgrad.optim.SGD;
import jgrad.privacy.dp.RdpAccountant;
import jgrad.tensor.Tensor;
import jgrad.train.Sequential;
import org.junit.jupiter.api.Test;

class DpFedAvgTest {

    private static final int[][] CLIENTS = {{0, 1, 2}, {3, 4, 5, 6, 7}, {8, 9, 10, 11, 12}};

    private static Sequential model() {
        SplittableRandom rng = new SplittableRandom(4);
        return new Sequential(new Dense(3, 4, Activation.TANH, DType.F64, rng), new Dense(4, 1, Activation.LINEAR, DType.F64, rng));
    }

    private static Tensor data(long seed, int rows, int cols) {
        return Tensor.randn(new SplittableRandom(seed), DType.F64, 0, 1, rows, cols);
    }

    /**
     * Every client (q = 1), one full-batch step each, no noise: the round is w + Σ_k min(1, S/‖Δ_k‖)·Δ_k / K with
     * Δ_k = −η∇L_k(w), each computed here by ordinary autograd; S is the median update norm, so some are clipped.
     */
    @Test
    void aRoundWithoutNoiseAddsTheMeanClippedUpdate() {
        Tensor x = data(1, 13, 3);
        Tensor y = data(2, 13, 1);
        double lr = 0.3;
        double[][] updates = new double[CLIENTS.length][];
        double[] norms = new double[CLIENTS.length];
        double[] start = flat(model().parameters());
        for (int k = 0; k < CLIENTS.length; k++) {
            Sequential m = model();
            Tensor xs = x.gatherRows(CLIENTS[k], CLIENTS[k].length);
            Tensor ys = y.gatherRows(CLIENTS[k], CLIENTS[k].length);
            SGD sgd = new SGD(lr);
            sgd.bind(m);
            Losses.mse(m.forward(xs), ys).backward();
            sgd.step();
            double[] after = flat(m.parameters());
            updates[k] = new double[after.length];
            for (int j = 0; j < after.length; j++) {
                updates[k][j] = after[j] - start[j];
            }
            norms[k] = Math.sqrt(Arrays.stream(updates[k]).map(v -> v * v).sum());
        }
        double[] sorted = norms.clone();
        Arrays.sort(sorted);
        double clip = sorted[1];
        double[] expected = start.clone();
        for (int k = 0; k < CLIENTS.length; k++) {
            double c = Math.min(1, clip / norms[k]);
            for (int j = 0; j < expected.length; j++) {
                expected[j] += c * updates[k][j] / CLIENTS.length;
            }
        }
        DpFedAvg.Settings settings = new DpFedAvg.Settings(1.0, 1, 0, lr, clip, 0);
        Sequential clear = model();
        assertEquals(3, new DpFedAvg(clear, Losses::mse, x, y, CLIENTS, settings, null, 5).round());
        assertArrayEquals(expected, flat(clear.parameters()), 1e-12);

        Sequential masked = model();
        DpFedAvg secure = new DpFedAvg(masked, Losses::mse, x, y, CLIENTS, settings, new SecureAggregation(40, 8), 5);
        secure.round();
        assertEquals(3, secure.lastMaskedUpdates().size());
        assertArrayEquals(expected, flat(masked.parameters()), 1e-11);     // fixed point: 2^−40 per client
        assertEquals(Double.POSITIVE_INFINITY, secure.spent(1e-5).epsilon());
    }

    /** With noise every round is one subsampled Gaussian mechanism: the accountant's ε for q, z and the rounds. */
    @Test
    void privacyIsAccountedPerRound() {
        Tensor x = data(1, 13, 3);
        Tensor y = data(2, 13, 1);
        DpFedAvg dp = new DpFedAvg(model(), Losses::mse, x, y, CLIENTS, new DpFedAvg.Settings(0.5, 1, 2, 0.1, 0.5, 1.2),
                null, 3);
        for (int r = 0; r < 4; r++) {
            dp.round();
        }
        assertEquals(RdpAccountant.epsilon(0.5, 1.2, 4, 1e-5).epsilon(), dp.spent(1e-5).epsilon(), 1e-12);
    }

    @Test
    void badSettingsAreRefused() {
        Tensor x = data(1, 4, 3);
        Tensor y = data(2, 4, 1);
        var empty = assertThrows(IllegalArgumentException.class, () -> new DpFedAvg(model(), Losses::mse, x, y,
                new int[][] {{0, 1}, {}, {2, 3}}, new DpFedAvg.Settings(1, 1, 0, 0.1, 1, 1), null, 1));
        assertTrue(empty.getMessage().contains("the client at position 1 has no data"), empty.getMessage());
        var clip = assertThrows(IllegalArgumentException.class, () -> new DpFedAvg.Settings(1, 1, 0, 0.1, 0, 1));
        assertTrue(clip.getMessage().contains("clip norm"), clip.getMessage());
        var noise = assertThrows(IllegalArgumentException.class, () -> new DpFedAvg.Settings(1, 1, 0, 0.1, 1, -0.5));
        assertTrue(noise.getMessage().contains("noise multiplier"), noise.getMessage());
    }

    private static double[] flat(Map<String, Tensor> params) {
        return params.values().stream().flatMapToDouble(p -> Arrays.stream(p.toDoubleArray())).toArray();
    }
}
