package jgrad.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import jgrad.autograd.Autograd;
import jgrad.backend.Device;
import jgrad.random.PhiloxRandom;
import jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A toy catalogue where the genre decides the title ("Horror" → "Fear", "Comedy" → "Joy"): the network
 * must learn it far below the bigram's bits, write it back when sampled cold, and keep it through a file.
 */
class CopywriterTest {

    @TempDir
    Path dir;

    @Test
    void stepByStepGivesTheSameLogitsAsTheWholeSequence() {
        CharLanguageModel m = new CharLanguageModel(6, 4, 5, 2, new SplittableRandom(1));
        int[] ids = {2, 5, 3, 3, 4};
        float[] whole;
        try (var _ = Autograd.noGrad()) {
            whole = m.forward(Tensor.of(new float[] {2, 5, 3, 3, 4}, 1, 5)).toFloatArray();
            CharLanguageModel.State s = m.start();
            Tensor[] logits = new Tensor[1];
            for (int t = 0; t < ids.length; t++) {
                s = m.step(s, ids[t], logits);
                float[] row = new float[6];
                System.arraycopy(whole, t * 6, row, 0, 6);
                assertArrayEquals(row, logits[0].toFloatArray(), 1e-5f, "step " + t);
            }
        }
    }

    @Test
    void learnsTitlesFromGenresAndWritesThemBack() throws Exception {
        List<CopyLine> lines = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            lines.add(CopyLine.of("Horror", "Fear"));
            lines.add(CopyLine.of("Comedy", "Joy"));
        }
        Copywriter w = Copywriter.train(lines, new CopySettings(40, 10, 1e-2, 8, 16, 2, 1), Device.CPU, (writer, e) -> { });
        CharCodes codes = CharCodes.fit(lines.stream().map(CopyLine::text).toList());
        double bigram = CharBigram.fit(codes, lines, 0.1).bitsPerCharacter(codes, lines);
        double lstm = w.bitsPerCharacter(lines);
        assertTrue(lstm < bigram / 2, "LSTM " + lstm + " bits, bigram " + bigram);
        assertEquals("Fear", w.write("Horror", 0.5, 2, new PhiloxRandom(1), 20));
        assertEquals("Joy", w.write("Comedy", 0.5, 2, new PhiloxRandom(1), 20));
        w.save(dir.resolve("copy"));
        Copywriter back = Copywriter.load(dir.resolve("copy"));
        assertEquals(lstm, back.bitsPerCharacter(lines), 1e-9);
        assertEquals(w.write("Horror", 1.5, 0, new PhiloxRandom(9), 20), back.write("Horror", 1.5, 0, new PhiloxRandom(9), 20));
    }
}
