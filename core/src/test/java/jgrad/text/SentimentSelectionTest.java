package jgrad.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import jgrad.backend.Device;
import jgrad.data.split.Split;
import jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Kim's model selection and constraint: the weights kept are those of the best epoch on the development
 * share, training stops after the patience runs out, and the CNN's output rows stay within the max-norm radius.
 */
class SentimentSelectionTest {

    private static final String[] WORDS = {"the", "film", "plot", "was", "a", "cast", "story", "great", "awful", "and"};

    /** Sentences whose label agrees with "great"/"awful" only 70 % of the time: the development score wanders. */
    private static LabeledSentences noisy(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<List<String>> tokens = new ArrayList<>();
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int polarity = i % 2;
            labels[i] = rng.nextDouble() < 0.7 ? polarity : 1 - polarity;
            List<String> t = new ArrayList<>();
            for (int j = 0; j < 6; j++) {
                t.add(WORDS[rng.nextInt(WORDS.length)]);
            }
            t.add(polarity == 1 ? "great" : "awful");
            tokens.add(t);
        }
        return new LabeledSentences(tokens, labels);
    }

    private static final SentimentSettings CNN = new SentimentSettings(12, 8, 1e-2, 6, 1, 1, 16, 3)
            .withSelection(0.25, 2).withMaxNorm(0.5);

    @Test
    void theDevelopmentShareIsASeededPartOfTheTrainingRows() {
        Split<int[]> a = SentimentModel.developmentSplit(200, CNN);
        assertEquals(50, a.test().length);
        int[] all = IntStream.concat(Arrays.stream(a.train()), Arrays.stream(a.test())).sorted().toArray();
        assertEquals(IntStream.range(0, 200).boxed().toList(), Arrays.stream(all).boxed().toList());
        assertEquals(Arrays.toString(a.test()), Arrays.toString(SentimentModel.developmentSplit(200, CNN).test()));
        assertEquals(0, SentimentModel.developmentSplit(200, CNN.withSelection(0, 0)).test().length);
    }

    @Test
    void theBestEpochIsKeptTrainingStopsWithThePatienceAndTheOutputRowsKeepTheirNorm() {
        LabeledSentences data = noisy(160, 5);
        SentimentModel m = SentimentModel.train(SentimentModel.Kind.CNN, data, CNN, Device.CPU);
        List<Double> dev = m.developmentAccuracies();
        double best = Collections.max(dev);
        int kept = dev.indexOf(best);
        assertTrue(dev.size() == CNN.epochs() || dev.size() == kept + 1 + CNN.patience(),
                "stopped after " + dev.size() + " epochs with the best at " + (kept + 1) + ": " + dev);
        LabeledSentences devRows = data.rows(SentimentModel.developmentSplit(data.size(), CNN).test());
        assertEquals(best, m.accuracy(devRows), 1e-12, "the kept weights score the best epoch's accuracy: " + dev);

        Tensor w = m.network().parameters().get("0.output.W");
        double[] v = w.toDoubleArray();
        int cols = w.shape(1);
        for (int r = 0; r < w.shape(0); r++) {
            double sq = 0;
            for (int c = 0; c < cols; c++) {
                sq += v[r * cols + c] * v[r * cols + c];
            }
            assertTrue(Math.sqrt(sq) <= 0.5 + 1e-6, "row " + r + " of the output weights has norm " + Math.sqrt(sq));
        }
    }
}
