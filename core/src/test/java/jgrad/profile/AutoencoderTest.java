package jgrad.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.backend.DType;
import jgrad.nn.LayerGradCheck;
import jgrad.segment.Pca;
import jgrad.tensor.Tensor;

/** The autoencoder: its gradients by finite differences, and a reconstruction PCA cannot match. */
class AutoencoderTest {

    @Test
    void gradientsOfTheReconstructionLossMatchFiniteDifferences() {
        Autoencoder ae = new Autoencoder(5, new int[] {4, 3}, 2, 0, DType.F64, new SplittableRandom(3));
        Tensor x = Tensor.randn(new SplittableRandom(4), DType.F64, 0, 1, 6, 5);
        ae.eval();
        // biases drawn away from 0: with zero biases a row whose ReLUs are all off meets the next ReLU at its kink
        Map<String, Tensor> weights = new LinkedHashMap<>(ae.parameters());
        SplittableRandom rng = new SplittableRandom(5);
        weights.replaceAll((name, w) -> name.endsWith(".b") ? Tensor.randn(rng, DType.F64, 0, 0.5, w.shape()) : w);
        LayerGradCheck.check("Autoencoder", weights, List.of(x), (w, in) -> ae.loss(w, in[0]));
    }

    @Test
    void theLayersAreMirroredAndNamedForTheFormula() {
        Autoencoder ae = new Autoencoder(7, new int[] {5, 4}, 2, 0.1, DType.F32, new SplittableRandom(3));
        assertEquals(List.of("enc0.W", "enc0.b", "enc1.W", "enc1.b", "code.W", "code.b", "dec0.W", "dec0.b", "dec1.W",
                "dec1.b", "out.W", "out.b"), List.copyOf(ae.parameters().keySet()));
        assertArrayEquals(new int[] {2, 4}, ae.parameters().get("code.W").shape());
        assertArrayEquals(new int[] {4, 2}, ae.parameters().get("dec0.W").shape());
        assertArrayEquals(new int[] {7, 5}, ae.parameters().get("out.W").shape());
        assertThrows(IllegalArgumentException.class, () -> new Autoencoder(0, new int[0], 2, 0, DType.F32,
                new SplittableRandom(1)));
    }

    @Test
    void onACurveAOneNumberCodeRebuildsTheRowsFarBetterThanOnePrincipalComponent() {
        double[][] rows = curve(256);
        double pca = Pca.fit(rows, 1).reconstructionError(rows);
        for (double corruption : new double[] {0, 0.1}) {
            Autoencoder ae = new Autoencoder(3, new int[] {16}, 1, corruption, DType.F32, new SplittableRandom(7));
            double[] losses = ProfileTraining.fit(ae, ae::loss, rows, 150, 32, 1e-2, 11);
            assertTrue(losses[losses.length - 1] < losses[0], "training lowers the loss");
            double[][] rebuilt = ProfileTraining.apply(ae, ae::reconstruct, rows);
            double mse = mse(rows, rebuilt);
            assertTrue(mse < 0.5 * pca, "corruption " + corruption + ": autoencoder " + mse + " vs PCA " + pca);
        }
    }

    @Test
    void corruptionActsInTrainingOnlyAndTheSameSeedRepeatsTheRun() {
        double[][] rows = curve(64);
        Autoencoder a = new Autoencoder(3, new int[] {8}, 1, 0.5, DType.F32, new SplittableRandom(7));
        Tensor x = ProfileTraining.batch(rows, identity(64), 0, 64, a);
        a.train();
        double noisy = a.loss(x).item();
        a.eval();
        assertNotEquals(noisy, a.loss(x).item());
        assertEquals(a.loss(x).item(), a.loss(x).item(), 0);
        Autoencoder b = new Autoencoder(3, new int[] {8}, 1, 0.5, DType.F32, new SplittableRandom(7));
        Autoencoder c = new Autoencoder(3, new int[] {8}, 1, 0.5, DType.F32, new SplittableRandom(7));
        assertArrayEquals(ProfileTraining.fit(b, b::loss, rows, 3, 16, 1e-2, 5), ProfileTraining.fit(c, c::loss, rows, 3, 16,
                1e-2, 5), 0);
    }

    /** Points (t, t², sin 3t) for t evenly in [−1, 1]: a 1-D curve that no straight line follows. */
    static double[][] curve(int n) {
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            double t = -1 + 2.0 * i / (n - 1);
            rows[i] = new double[] {t, t * t, Math.sin(3 * t)};
        }
        return rows;
    }

    static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    static double mse(double[][] a, double[][] b) {
        double s = 0;
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < a[r].length; c++) {
                s += (a[r][c] - b[r][c]) * (a[r][c] - b[r][c]);
            }
        }
        return s / (a.length * a[0].length);
    }
}
