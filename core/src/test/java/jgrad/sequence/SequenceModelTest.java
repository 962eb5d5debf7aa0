package jgrad.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import jgrad.autograd.GradCheck;
import jgrad.backend.DType;
import jgrad.io.ModelFiles;
import jgrad.optim.Adam;
import jgrad.tensor.Tensor;

/** SASRec and GRU4Rec: gradients, padding, truncation, model files and a pattern they must learn. */
class SequenceModelTest {

    @TempDir
    Path dir;

    /** Builds a model of the given item count, width, maximum length and dropout in F64. */
    interface Factory extends Function<double[], SequenceModel> {
    }

    static Stream<Factory> models() {
        return Stream.of(
                c -> new SasRec((int) c[0], (int) c[1], (int) c[2], 2, 1, c[3], DType.F64, new SplittableRandom(3)),
                c -> new SasRec((int) c[0], (int) c[1], (int) c[2], 2, 1, c[3], SasRec.Block.REFERENCE, DType.F64,
                        new SplittableRandom(5)),
                c -> new Gru4Rec((int) c[0], (int) c[1], (int) c[2], c[3], DType.F64, new SplittableRandom(4)));
    }

    /** Two users, the first padded on the left over three steps (causal rows with every key padded). */
    private static SequenceBatch batch() {
        return new SequenceBatch(2, 5, new int[] {0, 0, 0, 1, 2, 3, 4, 5, 6, 1}, new int[] {0, 0, 0, 2, 6, 4, 5, 6, 1, 2},
                new int[] {0, 0, 0, 3, 4, 6, 1, 2, 3, 5});
    }

    @ParameterizedTest
    @MethodSource("models")
    void lossGradientMatchesFiniteDifferencesInFloat64(Factory factory) {
        SequenceModel model = factory.apply(new double[] {6, 4, 5, 0});
        List<String> names = new ArrayList<>(model.parameters().keySet());
        Tensor[] weights = model.parameters().values().toArray(Tensor[]::new);
        GradCheck.Result r = GradCheck.check(xs -> {
            Map<String, Tensor> w = new LinkedHashMap<>();
            for (int i = 0; i < xs.length; i++) {
                w.put(names.get(i), xs[i]);
            }
            return model.loss(w, batch());
        }, weights);
        assertTrue(r.passed(1e-6), model.type() + ": " + r);
    }

    /** SASRec's serving path computes its last block for the last step only: the same F_T as every step's. */
    @ParameterizedTest
    @MethodSource("models")
    void theLastStateAloneEqualsTheLastStepOfEveryState(Factory factory) {
        SequenceModel model = factory.apply(new double[] {6, 4, 5, 0.3});
        model.eval();
        Tensor every = model.encode(model.parameters(), batch());
        Tensor last = model.encodeLast(model.parameters(), batch());
        assertArrayEquals(every.narrow(1, 4, 1).reshape(2, 4).toDoubleArray(), last.toDoubleArray(), 1e-12);
    }

    @ParameterizedTest
    @MethodSource("models")
    void aHistoryScoresTheSameAloneAndPaddedBesideALongerOne(Factory factory) {
        SequenceModel model = factory.apply(new double[] {9, 6, 8, 0.2});
        double[] alone = model.scores(new int[][] {{4, 2}})[0];
        double[] padded = model.scores(new int[][] {{1, 2, 3, 5, 6, 7}, {4, 2}})[1];
        assertArrayEquals(alone, padded, 1e-12);
    }

    @ParameterizedTest
    @MethodSource("models")
    void aHistoryLongerThanTheMaximumIsTruncatedFromTheLeft(Factory factory) {
        SequenceModel model = factory.apply(new double[] {9, 6, 4, 0});
        double[] longer = model.scores(new int[][] {{9, 8, 7, 1, 2, 3, 5}})[0];
        double[] last4 = model.scores(new int[][] {{1, 2, 3, 5}})[0];
        assertArrayEquals(last4, longer, 1e-12);
        assertTrue(Math.abs(model.scores(new int[][] {{2, 3, 5}})[0][4] - last4[4]) > 1e-9,
                "the fourth item from the end changes the scores, so the check above is not vacuous");
    }

    @ParameterizedTest
    @MethodSource("models")
    void aSavedModelScoresLikeTheOriginal(Factory factory) throws IOException {
        SequenceModel model = factory.apply(new double[] {9, 6, 8, 0.2});
        int[][] histories = {{3, 1, 4}, {1, 5, 9, 2, 6}};
        ModelFiles.save(model, dir.resolve("m"));
        SequenceModel loaded = (SequenceModel) ModelFiles.load(dir.resolve("m"));
        assertEquals(model.type(), loaded.type());
        assertArrayEquals(model.scores(histories)[1], loaded.scores(histories)[1], 0);
    }

    /**
     * Every user walks the cycle 1 → 2 → … → 12 → 1 from its own start: after training, the next item of every
     * validation and test history is ranked first among all items (for at least 90 % of the users), and before
     * training it is not.
     */
    @ParameterizedTest
    @MethodSource("models")
    void learnsACyclicPattern(Factory factory) {
        int users = 24;
        int[][] seqs = new int[users][];
        int[][] negatives = new int[users][];
        for (int u = 0; u < users; u++) {
            seqs[u] = new int[6 + u % 5];
            for (int t = 0; t < seqs[u].length; t++) {
                seqs[u][t] = 1 + (u + t) % 12;
            }
            negatives[u] = new int[0];
        }
        SequenceData data = new SequenceData(12, IntStream.range(0, users).toArray(), seqs, negatives,
                negatives);
        SequenceModel model = factory.apply(new double[] {12, 16, 8, 0});
        var before = NextItemEvaluation.evaluate(model, data, SequenceData.Target.VALID, 1);
        NextItemTraining training = new NextItemTraining(data, 8, 1);
        var result = training.train(model, new Adam(1e-2), 40, 40, 5, e -> { });
        assertTrue(before.hitRateFull() < 0.5, model.type() + " before training: " + before);
        assertTrue(result.best().valid().hitRateFull() >= 0.9, model.type() + ": " + result.best());
        assertTrue(result.best().test().hitRateFull() >= 0.9, model.type() + ": " + result.best());
    }

    @Test
    void trainingBatchesShiftTheTrainingPrefixAndDrawUnseenNegatives() {
        SequenceData data = new SequenceData(9, new int[] {1, 2}, new int[][] {{1, 2, 3, 4, 5, 6}, {7, 8, 9, 1}},
                new int[][] {{9}, {2}}, new int[][] {{9}, {2}});
        SequenceBatch b = new NextItemTraining(data, 2, 10).batch(new int[] {0, 1}, 2, new SplittableRandom(1));
        assertEquals(2, b.steps());
        // user 1: prefix 1 2 3 4 -> inputs (last 2 of 1 2 3) 2 3, next items 3 4; user 2: prefix 7 8 -> input 7, next 8.
        assertArrayEquals(new int[] {2, 3, 0, 7}, b.inputs());
        assertArrayEquals(new int[] {3, 4, 0, 8}, b.positives());
        assertEquals(0, b.negatives()[2]);
        for (int t : new int[] {0, 1}) {
            assertTrue(b.negatives()[t] > 4, "negative " + b.negatives()[t] + " is in the prefix 1 2 3 4");
        }
        assertTrue(b.negatives()[3] != 7 && b.negatives()[3] != 8 && b.negatives()[3] >= 1);
    }
}
