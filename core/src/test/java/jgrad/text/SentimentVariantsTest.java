package jgrad.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import jgrad.backend.DType;
import jgrad.backend.Device;
import jgrad.nn.LayerGradCheck;
import jgrad.nn.init.Initializers;
import jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two ways of closing the CNN's gap to the bag of words: the CNN's word path (its logits plus a linear term
 * over the words, checked against plain loops and finite differences) and the ensemble of models from several
 * seeds (its probability the mean of its members', an ensemble of one the single model to the bit).
 */
class SentimentVariantsTest {

    private static final float[] IDS = {2, 5, 1, 3, 0, 0, 4, 4, 2, 6, 1, 5};   // [2, 6], PAD = 0 ends row 0

    @TempDir
    Path dir;

    private static Map<String, Tensor> f64Weights(Map<String, Tensor> params, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, Tensor> w = new LinkedHashMap<>();
        params.forEach((k, t) -> w.put(k, Tensor.randn(rng, DType.F64, 0, 0.5, t.shape())));
        return w;
    }

    private static TextCnn cnn(boolean wordPath) {
        return new TextCnn(7, 3, new int[] {2, 3}, 4, 0.0, 2, Initializers.uniform(0.05), wordPath,
                new SplittableRandom(1));
    }

    @Test
    void theWordPathAddsEveryWordsRowAndItsBiasToTheCnnsLogits() {
        TextCnn withWords = cnn(true);
        Map<String, Tensor> w = f64Weights(withWords.parameters(), 2);
        Tensor ids = Tensor.of(IDS, 2, 6);
        double[] convolutional = cnn(false).forward(w, ids).toDoubleArray();
        Tensor rows = w.get("words.words.W_emb");
        Tensor bias = w.get("words.b");
        double[] want = new double[4];
        for (int n = 0; n < 2; n++) {
            for (int c = 0; c < 2; c++) {
                want[n * 2 + c] = convolutional[n * 2 + c] + bias.get(c);
                for (int t = 0; t < 6; t++) {
                    int id = (int) IDS[n * 6 + t];
                    want[n * 2 + c] += id == WordIds.PAD ? 0 : rows.get(id, c);   // 4 appears twice in row 1: counted twice
                }
            }
        }
        assertArrayEquals(want, withWords.forward(w, ids).toDoubleArray(), 1e-12);
        assertTrue(withWords.hasWordPath());
    }

    @Test
    void theWordPathsGradientsMatchFiniteDifferences() {
        TextCnn withWords = cnn(true);
        Tensor ids = Tensor.of(IDS, 2, 6);
        LayerGradCheck.check("TextCnn with word path", f64Weights(withWords.parameters(), 4), List.of(),
                (w, in) -> withWords.forward(w, ids));
    }

    @Test
    void aCnnWithTheWordPathLearnsTheToyCorpusAndSurvivesSaveAndLoad() throws Exception {
        LabeledSentences train = toy(80, 1);
        LabeledSentences test = toy(40, 2);
        SentimentModel m = SentimentModel.train(SentimentModel.Kind.CNN, train, small().withWordPath(true), Device.CPU);
        assertEquals(1.0, m.accuracy(test), 1e-12);
        assertTrue(m.network().parameters().containsKey("0.words.words.W_emb"), m.network().parameters().keySet()
                .toString());
        Path file = dir.resolve("cnn-words");
        m.save(file);
        SentimentModel back = SentimentModel.load(file);
        assertTrue(((TextCnn) back.network().layers().get(0)).hasWordPath());
        assertArrayEquals(m.positiveProbabilities(test.tokens()), back.positiveProbabilities(test.tokens()), 0);
    }

    @Test
    void anEnsembleOfOneIsTheSingleModelAndOfTwoTheMeanOfItsMembers() {
        LabeledSentences train = toy(60, 3);
        LabeledSentences test = toy(20, 4);
        SentimentSettings s = small();
        double[] single = SentimentModel.train(SentimentModel.Kind.CNN, train, s, Device.CPU)
                .positiveProbabilities(test.tokens());
        assertArrayEquals(single, SentimentEnsemble.train(SentimentModel.Kind.CNN, train, s, Device.CPU)
                .positiveProbabilities(test.tokens()), 0);

        SentimentEnsemble two = SentimentEnsemble.train(SentimentModel.Kind.CNN, train, s.withEnsemble(2), Device.CPU);
        double[] second = SentimentModel.train(SentimentModel.Kind.CNN, train,
                s.withSeed(s.seed() + SentimentEnsemble.MEMBER_SEED_STRIDE), Device.CPU).positiveProbabilities(test.tokens());
        double[] mean = two.positiveProbabilities(test.tokens());
        for (int i = 0; i < mean.length; i++) {
            assertEquals((single[i] + second[i]) / 2, mean[i], 1e-12, "sentence " + i);
        }
        assertEquals(2, two.size());
        assertEquals(SentimentModel.accuracy(mean, test.labels()), two.accuracy(test), 0);
    }

    /** `--ensemble 3 --word-path true` was run on the 10 folds: every member must carry the word path, not only the first. */
    @Test
    void everyMemberOfAWordPathEnsembleHasTheWordPath() {
        LabeledSentences train = toy(60, 3);
        LabeledSentences test = toy(20, 4);
        SentimentSettings s = small().withWordPath(true);
        SentimentEnsemble two = SentimentEnsemble.train(SentimentModel.Kind.CNN, train, s.withEnsemble(2), Device.CPU);
        for (int m = 0; m < 2; m++) {
            double[] alone = SentimentModel.train(SentimentModel.Kind.CNN, train,
                    s.withSeed(SentimentEnsemble.memberSeed(s.seed(), m)), Device.CPU).positiveProbabilities(test.tokens());
            assertArrayEquals(alone, two.member(m).positiveProbabilities(test.tokens()), 0, "member " + m);
            double[] withoutWords = SentimentModel.train(SentimentModel.Kind.CNN, train,
                    s.withWordPath(false).withSeed(SentimentEnsemble.memberSeed(s.seed(), m)), Device.CPU)
                    .positiveProbabilities(test.tokens());
            assertFalse(Arrays.equals(alone, withoutWords), "member " + m + " trained without its word path");
        }
    }

    @Test
    void anEnsembleOfNoModelsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> small().withEnsemble(0));
        assertTrue(e.getMessage().contains("at least one model"), e.getMessage());
    }

    private static SentimentSettings small() {
        return new SentimentSettings(6, 10, 3e-3, 8, 1, 1, 16, 1);
    }

    /** Sentences of neutral words with "great" (positive) or "awful" (negative) put in somewhere. */
    private static LabeledSentences toy(int n, long seed) {
        return SentimentModelTest.toy(n, seed);
    }
}
