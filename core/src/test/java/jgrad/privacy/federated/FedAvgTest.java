package jgrad.privacy.federated;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import jgrad.backend.DType;
import jgrad.nn.Activation;
import jgrad.nn.layers.Dense;
import jgrad.nn.loss.Losses;
import jgrad.optim.SGD;
import jgrad.tensor.Tensor;
import jgrad.train.Sequential;
import org.junit.jupiter.api.Test;

class FedAvgTest {

    private static Sequential model() {
        SplittableRandom rng = new SplittableRandom(4);
        return new Sequential(new Dense(3, 4, Activation.TANH, DType.F64, rng), new Dense(4, 1, Activation.LINEAR, DType.F64, rng));
    }

    private static Tensor data(long seed, int rows, int cols) {
        return Tensor.randn(new SplittableRandom(seed), DType.F64, 0, 1, rows, cols);
    }

    /**
     * FedSGD with every client (C = 1, E = 1, B = whole client): Σ_k (n_k/n)(w − η g_k) = w − η Σ_k (n_k/n) g_k, and
     * the n_k-weighted mean of the clients' mean-loss gradients is the mean-loss gradient of all the data. So a round
     * equals one full-batch SGD step, computed here the ordinary way.
     */
    @Test
    void oneFedSgdRoundOfAllClientsIsOneFullBatchStep() {
        Tensor x = data(1, 13, 3);
        Tensor y = data(2, 13, 1);
        int[][] clients = {{0, 1, 2}, {3, 4, 5, 6, 7}, {8, 9, 10, 11, 12}};
        Sequential federated = model();
        new FedAvg(federated, Losses::mse, x, y, clients, new FedAvg.Settings(1.0, 1, 0, 0.3), 7).round();
        Sequential central = model();
        SGD sgd = new SGD(0.3);
        sgd.bind(central);
        Losses.mse(central.forward(x), y).backward();
        sgd.step();
        for (String name : central.parameters().keySet()) {
            assertArrayEquals(central.parameters().get(name).toDoubleArray(), federated.parameters().get(name).toDoubleArray(),
                    1e-12, name);
        }
    }

    @Test
    void iidPartsCoverEveryExampleOnce() {
        int[][] parts = Partitions.iid(103, 10, new SplittableRandom(1));
        assertEquals(10, parts.length);
        int[] all = Arrays.stream(parts).flatMapToInt(Arrays::stream).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 103).toArray(), all);
        assertTrue(Arrays.stream(parts).allMatch(p -> p.length == 10 || p.length == 11));
    }

    /** 10 labels × 20 examples, 10 clients × 2 shards of 10: every shard holds one label, so a client at most two. */
    @Test
    void shardClientsSeeAtMostTwoLabels() {
        int[] labels = new int[200];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (i * 7) % 10;
        }
        int[][] parts = Partitions.shards(labels, 10, 2, new SplittableRandom(3));
        int[] all = Arrays.stream(parts).flatMapToInt(Arrays::stream).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 200).toArray(), all);
        for (int[] p : parts) {
            assertEquals(20, p.length);
            assertTrue(Arrays.stream(p).map(i -> labels[i]).distinct().count() <= 2);
        }
    }

    @Test
    void clientsWithoutDataAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> new FedAvg(model(), Losses::mse, data(1, 2, 3),
                data(2, 2, 1), new int[][] {{0, 1}, {}}, new FedAvg.Settings(1, 1, 0, 0.1), 1));
        assertTrue(e.getMessage().contains("the client at position 1 has no data"), e.getMessage());
        var tooMany = assertThrows(IllegalArgumentException.class, () -> Partitions.iid(5, 6, new SplittableRandom(1)));
        assertTrue(tooMany.getMessage().contains("no data"), tooMany.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FedAvg.Settings(0, 1, 0, 0.1));
    }
}
