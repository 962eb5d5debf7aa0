package jgrad.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import jgrad.backend.Device;
import jgrad.io.ModelFileException;
import jgrad.io.ModelFiles;
import jgrad.nn.Activation;
import jgrad.nn.layers.Dense;
import jgrad.train.Sequential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training on a toy corpus whose polarity is decided by one word ("great" or "awful", among neutral
 * words): every kind must learn it, and a saved model must give the same probabilities after loading.
 */
class SentimentModelTest {

    private static final String[] NEUTRAL = {"the", "film", "plot", "was", "a", "cast", "story", "and", "its", "ending"};

    @TempDir
    Path dir;

    /** Sentences of neutral words with "great" (positive) or "awful" (negative) put in somewhere. */
    static LabeledSentences toy(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<List<String>> tokens = new ArrayList<>();
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            List<String> t = new ArrayList<>();
            int len = 4 + rng.nextInt(5);
            for (int j = 0; j < len; j++) {
                t.add(NEUTRAL[rng.nextInt(NEUTRAL.length)]);
            }
            t.add(rng.nextInt(t.size() + 1), labels[i] == 1 ? "great" : "awful");
            tokens.add(t);
        }
        return new LabeledSentences(tokens, labels);
    }

    private static SentimentSettings small(SentimentModel.Kind kind) {
        return switch (kind) {
            case CNN -> new SentimentSettings(6, 10, 3e-3, 8, 1, 1, 16, 1);
            case LSTM -> new SentimentSettings(25, 10, 1e-2, 8, 8, 1, 16, 1);
            case BOW -> new SentimentSettings(10, 10, 5e-2, 1, 1, 1, 16, 1);
        };
    }

    @Test
    void everyKindLearnsTheDecidingWordAndSurvivesSaveAndLoad() throws Exception {
        LabeledSentences train = toy(80, 1);
        LabeledSentences test = toy(40, 2);
        for (SentimentModel.Kind kind : SentimentModel.Kind.values()) {
            SentimentModel m = SentimentModel.train(kind, train, small(kind), Device.CPU);
            assertEquals(1.0, m.accuracy(test), 1e-12, kind + " on held-out toy sentences");
            Path file = dir.resolve(kind.label());
            m.save(file);
            SentimentModel back = SentimentModel.load(file);
            assertEquals(kind, back.kind());
            assertEquals(m.length(), back.length());
            assertArrayEquals(m.positiveProbabilities(test.tokens()), back.positiveProbabilities(test.tokens()), 0,
                    kind + " after loading");
            assertTrue(back.positiveProbability("a great film!") > 0.5, kind + ": new text");
            double[] together = m.positiveProbabilities(test.tokens());
            for (int i = 0; i < 3; i++) {
                assertEquals(together[i], m.positiveProbabilities(List.of(test.tokens().get(i)))[0], 1e-6,
                        kind + ": a sentence scores the same alone");
            }
        }
    }

    @Test
    void edgePaddingIsLearnedWithAndSavedWithTheModel() throws Exception {
        LabeledSentences train = toy(80, 1);
        LabeledSentences test = toy(40, 2);
        SentimentSettings framed = small(SentimentModel.Kind.CNN).withEdgePadding(4);
        SentimentModel m = SentimentModel.train(SentimentModel.Kind.CNN, train, framed, Device.CPU);
        assertEquals(1.0, m.accuracy(test), 1e-12, "edge-padded CNN on held-out toy sentences");
        double[] p = m.positiveProbabilities(test.tokens());
        Path file = dir.resolve("framed");
        m.save(file);
        assertArrayEquals(p, SentimentModel.load(file).positiveProbabilities(test.tokens()), 0,
                "the loaded model pads as it was trained (read without its 4 edge ids, it would score other rows)");
        assertEquals(p[0], m.positiveProbabilities(List.of(test.tokens().get(0)))[0], 1e-6, "a sentence alone");
    }

    @Test
    void kimsRecipeLearnsTheDecidingWordTheSameWayTwice() {
        LabeledSentences train = toy(80, 1);
        LabeledSentences test = toy(40, 2);
        SentimentSettings kim = small(SentimentModel.Kind.CNN).withRule(SentimentSettings.Rule.ADADELTA, 1.0)
                .withEmbeddingScale(0.25).withEdgePadding(4).withWordDropout(0.3);
        SentimentModel m = SentimentModel.train(SentimentModel.Kind.CNN, train, kim, Device.CPU);
        assertEquals(1.0, m.accuracy(test), 1e-12, "Adadelta, U[-0.25, 0.25] embeddings, word dropout 0.3");
        double[] p = m.positiveProbabilities(test.tokens());
        assertArrayEquals(p, SentimentModel.train(SentimentModel.Kind.CNN, train, kim, Device.CPU)
                .positiveProbabilities(test.tokens()), 0, "the same seed gives the same model");
        double[] other = SentimentModel.train(SentimentModel.Kind.CNN, train, kim.withWordDropout(0), Device.CPU)
                .positiveProbabilities(test.tokens());
        assertTrue(p[0] != other[0], "the words dropped change the training: " + p[0]);
    }

    @Test
    void emptyTextAndOtherModelFilesAreRefused() throws Exception {
        SentimentModel m = SentimentModel.train(SentimentModel.Kind.BOW, toy(20, 1), small(SentimentModel.Kind.BOW),
                Device.CPU);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.positiveProbability(" \t "));
        assertTrue(e.getMessage().contains("no words"), e.getMessage());
        Path other = dir.resolve("dense");
        ModelFiles.save(new Sequential(new Dense(2, 1, Activation.LINEAR, new SplittableRandom(1))), other);
        ModelFileException bad = assertThrows(ModelFileException.class, () -> SentimentModel.load(other));
        assertTrue(bad.getMessage().contains("not a sentiment model"), bad.getMessage());
    }
}
