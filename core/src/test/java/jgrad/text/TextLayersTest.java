package jgrad.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import jgrad.backend.DType;
import jgrad.nn.LayerGradCheck;
import jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The text layers against their formulas evaluated by plain loops in this test (lookups, the convolution
 * sum, max over time, the dense product), and float64 gradient checks over every weight.
 */
class TextLayersTest {

    private static final float[] IDS = {2, 5, 1, 3, 0, 0, 4, 4, 2, 6, 1, 5};   // [2, 6]

    private static Map<String, Tensor> f64Weights(Map<String, Tensor> params, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, Tensor> w = new LinkedHashMap<>();
        params.forEach((k, t) -> w.put(k, Tensor.randn(rng, DType.F64, 0, 0.5, t.shape())));
        return w;
    }

    @Test
    void textCnnIsEmbeddingConvolutionMaxOverTimeAndDense() {
        TextCnn cnn = new TextCnn(7, 3, new int[] {2, 3}, 4, 0.0, 2, new SplittableRandom(1));
        Map<String, Tensor> w = f64Weights(cnn.parameters(), 2);
        Tensor ids = Tensor.of(IDS, 2, 6);
        double[] got = cnn.forward(w, ids).toDoubleArray();
        assertArrayEquals(direct(w, new int[] {2, 3}, 4, 3, 2, 6), got, 1e-12);
    }

    /** logits by the definition: max_t relu(b_k + Σ_{c,u} W_k[o,c,u]·E[id(t+u), c]), then W_out h + b_out. */
    private static double[] direct(Map<String, Tensor> w, int[] widths, int maps, int d, int batch, int len) {
        Tensor emb = w.get("embedding.W_emb");
        Tensor wOut = w.get("output.W");
        Tensor bOut = w.get("output.b");
        double[] logits = new double[batch * 2];
        for (int n = 0; n < batch; n++) {
            double[] h = new double[maps * widths.length];
            for (int k = 0; k < widths.length; k++) {
                Tensor W = w.get("conv" + widths[k] + ".W");
                Tensor b = w.get("conv" + widths[k] + ".b");
                for (int o = 0; o < maps; o++) {
                    double best = Double.NEGATIVE_INFINITY;
                    for (int t = 0; t + widths[k] <= len; t++) {
                        double z = b.get(o);
                        for (int c = 0; c < d; c++) {
                            for (int u = 0; u < widths[k]; u++) {
                                z += W.get(o, c, u) * emb.get((int) IDS[n * len + t + u], c);
                            }
                        }
                        best = Math.max(best, Math.max(z, 0));
                    }
                    h[k * maps + o] = best;
                }
            }
            for (int c = 0; c < 2; c++) {
                double z = bOut.get(c);
                for (int j = 0; j < h.length; j++) {
                    z += h[j] * wOut.get(c, j);   // Dense stores W as [out, in]
                }
                logits[n * 2 + c] = z;
            }
        }
        return logits;
    }

    @Test
    void bagOfWordsSumsTheRowsOfTheWordsPresent() {
        BagOfWords bow = new BagOfWords(7, 2, new SplittableRandom(1));
        Map<String, Tensor> w = f64Weights(bow.parameters(), 3);
        Tensor ids = Tensor.of(new float[] {2, 4, 0, 0, 1, 3, 5, 6}, 2, 4);
        Tensor W = w.get("words.W_emb");
        double[] want = new double[4];
        int[][] present = {{2, 4}, {1, 3, 5, 6}};
        for (int n = 0; n < 2; n++) {
            for (int c = 0; c < 2; c++) {
                want[n * 2 + c] = w.get("b").get(c);
                for (int id : present[n]) {
                    want[n * 2 + c] += W.get(id, c);
                }
            }
        }
        assertArrayEquals(want, bow.forward(w, ids).toDoubleArray(), 1e-12);
    }

    @Test
    void gradientsOfEveryWeightMatchFiniteDifferences() {
        TextCnn cnn = new TextCnn(7, 3, new int[] {2, 3}, 4, 0.0, 2, new SplittableRandom(1));
        Tensor ids = Tensor.of(IDS, 2, 6);
        LayerGradCheck.check("TextCnn", f64Weights(cnn.parameters(), 4), List.of(), (w, in) -> cnn.forward(w, ids));
        BagOfWords bow = new BagOfWords(7, 2, new SplittableRandom(1));
        LayerGradCheck.check("BagOfWords", f64Weights(bow.parameters(), 5), List.of(), (w, in) -> bow.forward(w, ids));
    }

    @Test
    void sentencesShorterThanTheWidestFilterAreRefused() {
        TextCnn cnn = new TextCnn(7, 3, new int[] {3, 4, 5}, 2, 0.5, 2, new SplittableRandom(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> cnn.forward(Tensor.of(new float[] {2, 3, 4, 5}, 1, 4)));
        assertTrue(e.getMessage().contains("widest filter (5)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> cnn.forward(Tensor.of(new float[] {2, 3, 4, 5, 6}, 5)));
    }
}
