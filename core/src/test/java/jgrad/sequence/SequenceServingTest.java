package jgrad.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import jgrad.autograd.Autograd;
import jgrad.backend.DType;
import jgrad.optim.Adam;
import jgrad.recsys.HistoryRecommender;
import jgrad.tensor.Tensor;

/**
 * The serving snapshot: the scores of the model in evaluation mode, computed here the long way; the model's own
 * mode left alone; the weights of the moment it was taken; and the same bits from many threads at once as from
 * one, while another thread trains the model and toggles its mode.
 */
class SequenceServingTest {

    private static final int ITEMS = 30;

    static Stream<SequenceModel> models() {
        return Stream.of(new SasRec(ITEMS, 8, 12, 2, 1, 0.5, DType.F32, new SplittableRandom(3)),
                new Gru4Rec(ITEMS, 8, 12, 0.5, DType.F32, new SplittableRandom(4)));
    }

    /** r = F_T · M, with F_T from the model's encoder in evaluation mode, without the snapshot. */
    private static double[] byHand(SequenceModel model, int[] history) {
        model.eval();
        try (var ignored = Autograd.noGrad()) {
            SequenceBatch batch = SequenceBatch.ofHistories(new int[][] {history}, model.maxLength());
            Tensor hidden = model.encode(model.parameters(), batch);
            Tensor last = hidden.narrow(1, batch.steps() - 1, 1).reshape(1, model.dim());
            return last.matmul(model.parameters().get("items.W_emb"), false, true).toDoubleArray();
        } finally {
            model.train();
        }
    }

    private static int[][] histories(int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[][] out = new int[count][];
        for (int h = 0; h < count; h++) {
            out[h] = rng.ints(1 + rng.nextInt(20), 1, ITEMS + 1).toArray();    // some longer than the maximum 12
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("models")
    void scoresAreTheModelsInEvaluationModeAndItsModeIsLeftAlone(SequenceModel model) {
        model.train();
        SequenceServing serving = model.forServing();
        for (int[] history : histories(5, 1)) {
            assertArrayEquals(byHand(model, history), serving.scores(new int[][] {history})[0], 1e-6);
            assertTrue(model.isTraining(), "scoring switched the model out of training mode");
        }
        double[] single = new double[ITEMS + 1];
        serving.scoreInto(new int[] {3, 1, 4}, single);
        assertArrayEquals(serving.scores(new int[][] {{3, 1, 4}})[0], single, 0);
    }

    @ParameterizedTest
    @MethodSource("models")
    void aSnapshotKeepsTheWeightsItWasTakenWith(SequenceModel model) {
        int[][] history = {{5, 6, 7}};
        SequenceServing before = model.forServing();
        double[] first = before.scores(history)[0];
        Adam adam = new Adam(0.05);
        adam.bind(model);
        SequenceBatch batch = new SequenceBatch(1, 3, new int[] {5, 6, 7}, new int[] {6, 7, 8}, new int[] {1, 2, 3});
        adam.zeroGrad();
        model.loss(batch).backward();
        adam.step();
        assertArrayEquals(first, before.scores(history)[0], 0);
        assertFalse(java.util.Arrays.equals(first, model.forServing().scores(history)[0]),
                "a step of training changes a new snapshot's scores, so the check above is not vacuous");
    }

    @ParameterizedTest
    @MethodSource("models")
    void manyThreadsGetTheBitsOfOneWhileTheModelTrains(SequenceModel model) throws Exception {
        SequenceServing serving = model.forServing();
        int[][] histories = histories(40, 2);
        double[][] expected = new double[histories.length][];
        for (int h = 0; h < histories.length; h++) {
            expected[h] = serving.scores(new int[][] {histories[h]})[0];
        }
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        try {
            Future<?> trainer = pool.submit(() -> trainWhileOthersScore(model, stop, start));
            List<Future<Integer>> scorers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                scorers.add(pool.submit(() -> {
                    start.await();
                    int checked = 0;
                    for (int round = 0; round < 5; round++) {
                        for (int i = 0; i < histories.length; i++) {
                            int h = (i + offset * 7) % histories.length;
                            assertArrayEquals(expected[h], serving.scores(new int[][] {histories[h]})[0], 0,
                                    "history " + h + " on scorer " + offset);
                            checked++;
                        }
                    }
                    return checked;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : scorers) {
                total += f.get();
            }
            stop.set(true);
            trainer.get();
            assertEquals(threads * 5 * histories.length, total);
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
    }

    /** Steps of Adam on the original model and toggles of its mode until told to stop. */
    private static Void trainWhileOthersScore(SequenceModel model, AtomicBoolean stop, CountDownLatch start)
            throws InterruptedException {
        Adam adam = new Adam(0.01);
        adam.bind(model);
        SequenceBatch batch = new SequenceBatch(1, 4, new int[] {1, 2, 3, 4}, new int[] {2, 3, 4, 5},
                new int[] {9, 9, 9, 9});
        start.await();
        while (!stop.get()) {
            model.train();
            adam.zeroGrad();
            model.loss(batch).backward();
            adam.step();
            model.eval();
        }
        return null;
    }

    @ParameterizedTest
    @MethodSource("models")
    void userStatesScoreAsTheirHistoriesDo(SequenceModel model) {
        SequenceServing serving = model.forServing();
        int[][] histories = histories(12, 3);
        int[][] dense = new int[histories.length + 1][];
        for (int u = 0; u < histories.length; u++) {
            dense[u] = java.util.Arrays.stream(histories[u]).map(i -> i - 1).toArray();
        }
        dense[histories.length] = new int[0];                        // a user without history: a zero state
        UserStates users = serving.forUsers(dense);
        assertEquals(histories.length + 1, users.numUsers());
        for (int u = 0; u < histories.length; u++) {
            double[] expected = serving.scores(new int[][] {histories[u]})[0];
            assertArrayEquals(java.util.Arrays.copyOfRange(expected, 1, ITEMS + 1), users.scoreItems(u), 1e-5,
                    "user " + u);
        }
        assertArrayEquals(new double[ITEMS], users.scoreItems(histories.length), 0);
    }

    @ParameterizedTest
    @MethodSource("models")
    void theDenseViewShiftsIdsByOne(SequenceModel model) {
        SequenceServing serving = model.forServing();
        HistoryRecommender dense = serving.dense();
        double[] scores = serving.scores(new int[][] {{4, 9, 2}})[0];
        double[] shifted = dense.scoreNext(new int[] {3, 8, 1});
        assertEquals(ITEMS, dense.numItems());
        assertArrayEquals(java.util.Arrays.copyOfRange(scores, 1, ITEMS + 1), shifted, 0);
    }
}
