package jgrad.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.backend.DType;
import jgrad.backend.Device;

/** The deep belief net: greedy pretraining lowers each layer's error, fine-tuning the unrolled one's. */
class DbnTest {

    /** 300 standardized-scale rows of 6 columns driven by 2 hidden factors. */
    private static double[][] rows() {
        SplittableRandom rng = new SplittableRandom(2);
        double[][] mix = {{1, 0.5, -1, 0, 0.8, -0.3}, {0, 1, 0.5, -1, -0.6, 0.9}};
        double[][] rows = new double[300][6];
        for (double[] row : rows) {
            double a = rng.nextGaussian();
            double b = rng.nextGaussian();
            for (int c = 0; c < 6; c++) {
                row[c] = a * mix[0][c] + b * mix[1][c] + 0.1 * rng.nextGaussian();
            }
        }
        return rows;
    }

    @Test
    void pretrainingThenFineTuningLowerTheReconstructionError() {
        LearnedProfiles.DbnResult r = LearnedProfiles.dbn(rows(), new int[] {12, 4}, 15, 30, 20, 0.05, 5, Device.CPU);
        for (double[] layer : r.pretrainingErrors()) {
            assertTrue(layer[layer.length - 1] < layer[0], Arrays.toString(layer));
        }
        assertTrue(r.fineTunedError() < r.pretrainedError(), r.pretrainedError() + " -> " + r.fineTunedError());
        assertEquals(300, r.codes().length);
        assertEquals(4, r.codes()[0].length);
        for (double[] code : r.codes()) {
            for (double p : code) {
                assertTrue(p > 0 && p < 1, "a code is a vector of probabilities");
            }
        }
    }

    @Test
    void eachLayerSeesTheOneBelowAndOnlyTheFirstIsGaussian() {
        Dbn dbn = new Dbn(6, new int[] {5, 3}, Rbm.Visible.GAUSSIAN, DType.F32, new SplittableRandom(1));
        assertEquals(2, dbn.depth());
        assertEquals(Rbm.Visible.GAUSSIAN, dbn.layer(0).visible());
        assertEquals(Rbm.Visible.BERNOULLI, dbn.layer(1).visible());
        assertEquals(5, dbn.layer(1).visibleUnits());
        assertEquals(java.util.List.of("rbm0.W", "rbm0.b", "rbm0.c", "rbm1.W", "rbm1.b", "rbm1.c"),
                java.util.List.copyOf(dbn.parameters().keySet()));
    }
}
