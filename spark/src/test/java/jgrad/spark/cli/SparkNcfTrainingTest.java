package jgrad.spark.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jgrad.data.LeaveOneOutData;
import jgrad.data.NegativeSampler;
import jgrad.data.Ratings;
import jgrad.examples.NcfExample;
import jgrad.nn.Module;
import jgrad.recsys.LeaveOneOutTraining;
import jgrad.recsys.PairModel;
import jgrad.spark.DataParallelTraining;
import jgrad.spark.TestSpark;
import jgrad.spark.TrainingTask;

/**
 * GMF trained data-parallel with fresh negatives each epoch: with one partition it is {@code LeaveOneOutTraining}
 * (what {@code ./jgrad example gmf} runs) bit for bit, by gradient and by parameter averaging; each partition
 * draws new negatives every epoch, never one of the user's positives.
 */
class SparkNcfTrainingTest {

    static final int USERS = 30;
    static final int ITEMS = 40;
    static final int PER_USER = 7;
    static final int BATCH = 16;
    static final int EPOCHS = 2;
    static final long SEED = 5;

    static LeaveOneOutData data;
    static Map<String, float[]> single;

    @BeforeAll
    static void trainOnOneMachine() {
        data = smallData();
        NcfTraining task = NcfDataParallel.task(data, SEED);
        PairModel model = (PairModel) task.newModel();
        new LeaveOneOutTraining(data, NcfExample.NEGATIVES, BATCH, 5).train(model, task.newOptimizer(), EPOCHS, SEED,
                epoch -> { });
        single = values((Module) model);
    }

    /** Users with 7 distinct training items each, one held-out item ranked among 10 others. */
    private static LeaveOneOutData smallData() {
        SplittableRandom random = new SplittableRandom(11);
        int n = USERS * PER_USER;
        int[] users = new int[n];
        int[] items = new int[n];
        int[] tested = new int[USERS];
        int[][] candidates = new int[USERS][10];
        for (int u = 0; u < USERS; u++) {
            int first = random.nextInt(ITEMS);
            for (int j = 0; j < PER_USER; j++) {
                users[u * PER_USER + j] = u;
                items[u * PER_USER + j] = (first + 3 * j) % ITEMS;
            }
            tested[u] = (first + 3 * PER_USER) % ITEMS;
            for (int c = 0; c < 10; c++) {
                candidates[u][c] = (first + 3 * PER_USER + 1 + c) % ITEMS;
            }
        }
        int[] all = new int[USERS];
        java.util.Arrays.setAll(all, u -> u);
        return new LeaveOneOutData(USERS, ITEMS, new Ratings(users, items, new float[n], new long[n]), all, tested,
                candidates);
    }

    private static Map<String, float[]> values(Module model) {
        Map<String, float[]> out = new LinkedHashMap<>();
        model.parameters().forEach((name, p) -> out.put(name, p.toFloatArray()));
        return out;
    }

    private static DataParallelTraining.Result onSpark(int partitions, int localSteps) {
        return DataParallelTraining.train(NcfDataParallel.positives(TestSpark.session(), data.train()),
                NcfDataParallel.task(data, SEED), new DataParallelTraining.Settings(partitions, BATCH, EPOCHS, SEED,
                        localSteps), epoch -> { });
    }

    private static void assertSameBits(Module model) {
        Map<String, float[]> got = values(model);
        assertEquals(single.keySet(), got.keySet());
        single.forEach((name, expected) -> {
            float[] actual = got.get(name);
            assertEquals(expected.length, actual.length, name);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]), name + "[" + i + "]");
            }
        });
    }

    @Test
    void gradientAveragingOnOnePartitionIsLeaveOneOutTraining() {
        DataParallelTraining.Result result = onSpark(1, 0);
        int steps = (USERS * PER_USER * (1 + NcfExample.NEGATIVES) + BATCH - 1) / BATCH;
        assertEquals((long) EPOCHS * steps, result.synchronizations());
        assertSameBits(result.model());
    }

    @Test
    void parameterAveragingOnOnePartitionIsLeaveOneOutTraining() {
        DataParallelTraining.Result result = onSpark(1, 4);
        assertSameBits(result.model());
    }

    @Test
    void twoPartitionsTrainAwayFromTheStart() {
        DataParallelTraining.Result result = onSpark(2, 4);
        Map<String, float[]> start = values(NcfDataParallel.task(data, SEED).newModel());
        Map<String, float[]> trained = values(result.model());
        start.forEach((name, w) -> assertFalse(java.util.Arrays.equals(w, trained.get(name)), name));
        assertEquals(EPOCHS, result.epochLoss().size());
    }

    @Test
    void everyEpochDrawsFreshNegativesThatTheUserNeverRated() {
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < data.train().size(); r += 2) {   // partition 0 of 2
            rows.add(RowFactory.create(data.train().users()[r], data.train().items()[r]));
        }
        NcfTraining task = NcfDataParallel.task(data, SEED);
        TrainingTask.EpochExamples examples = task.examples(rows, 0);
        List<Row> first = examples.of(0);
        List<Row> second = examples.of(1);
        NegativeSampler positives = new NegativeSampler(data.train().users(), data.train().items(), USERS, ITEMS);
        assertEquals(rows.size() * 5, first.size());
        int differ = 0;
        for (int i = 0; i < first.size(); i++) {
            Row a = first.get(i);
            Row b = second.get(i);
            assertEquals(rows.get(i / 5).getInt(0), a.getInt(0));
            boolean positive = i % 5 == 0;
            assertEquals(positive ? 1f : 0f, a.getFloat(2));
            assertEquals(positive, positives.isPositive(a.getInt(0), a.getInt(1)), "example " + i);
            if (positive) {
                assertEquals(a, b);
            } else if (a.getInt(1) != b.getInt(1)) {
                differ++;
            }
        }
        assertTrue(differ > first.size() / 2, differ + " of the negatives changed between epochs");
        assertNotEquals(first, task.examples(rows, 1).of(0), "another partition draws other negatives");
    }
}
