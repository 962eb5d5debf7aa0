package jgrad.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.backend.Backend;
import jgrad.backend.Backends;
import jgrad.backend.DType;
import jgrad.nn.Activation;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Dropout;
import jgrad.nn.loss.Losses;
import jgrad.optim.Adam;
import jgrad.random.Philox;
import jgrad.tensor.Tensor;
import jgrad.train.Fit;
import jgrad.train.Sequential;

/** Same seed, same backend, same bits; and the same dropout masks on every backend. */
class SameSeedTest {

    /** The CPU backends of this JVM: the scalar reference, and SIMD where the Vector API is readable. */
    private static List<Backend> cpuBackends() {
        List<Backend> all = new ArrayList<>(List.of(Backends.scalar()));
        if (Backends.vectorApiAvailable()) {
            all.add(Backends.simd());
        }
        return all;
    }

    @Test
    void aTrainingRunRepeatsBitForBitOnEachBackend() {
        Backend before = Backends.current();
        try {
            for (Backend b : cpuBackends()) {
                Backends.use(b, "SameSeedTest");
                float[] first = trainedWeights(11);
                assertArrayEquals(first, trainedWeights(11), b.name() + ": same seed, same bits");
                assertNotEquals(java.util.Arrays.toString(first), java.util.Arrays.toString(trainedWeights(12)),
                        b.name() + ": another seed gives other weights");
            }
        } finally {
            Backends.use(before, "restored by SameSeedTest");
        }
    }

    @Test
    void dropoutMasksAreTheSameOnEveryBackendAndFollowPhilox() {
        int n = 1031;
        long seed = 0x9E3779B97F4A7C15L;
        long offset = (1L << 33) + 5;
        for (DType dt : DType.values()) {
            for (Backend b : cpuBackends()) {
                Tensor mask = Tensor.zeros(dt, n);
                b.dropoutMask(n, seed, offset, 0.25, mask.storage(), 0);
                double[] got = mask.toDoubleArray();
                for (int i = 0; i < n; i++) {
                    double want = Philox.dropoutKeeps(seed, offset + i, 0.25) ? (dt == DType.F32 ? (float) (1 / 0.75) : 1 / 0.75) : 0;
                    assertEquals(want, got[i], 0.0, b.name() + " " + dt + " element " + i);
                }
            }
        }
    }

    private static float[] trainedWeights(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Sequential model = new Sequential(new Dense(3, 16, Activation.RELU, rng), new Dropout(0.5, rng),
                new Dense(16, 1, Activation.LINEAR, rng));
        model.compile(Adam.keras(1e-2), Losses::mse);
        Tensor x = Tensor.randn(new SplittableRandom(1), 40, 3);
        Tensor y = x.sum(1, true).tanh();
        model.fit(x, y, Fit.epochs(3).batchSize(8).seed(seed).verbose(0));
        return model.parameters().get("0.W").toFloatArray();
    }
}
