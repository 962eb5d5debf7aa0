package jgrad.readme;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.nn.Activation;
import jgrad.nn.layers.Dense;
import jgrad.nn.loss.Losses;
import jgrad.optim.Adam;
import jgrad.optim.Optimizer;
import jgrad.tensor.Tensor;
import jgrad.train.Fit;
import jgrad.train.History;
import jgrad.train.Sequential;

/** The two training styles that README.md shows, kept compiling and learning here. */
class ReadmeExamplesTest {

    /** y = sin(x₀) + x₁², a small regression both styles must fit. */
    private static Tensor[] data(int n) {
        SplittableRandom rng = new SplittableRandom(11);
        Tensor x = Tensor.rand(rng, jgrad.backend.DType.F32, -1, 1, n, 2);
        float[] xs = x.toFloatArray();
        float[] ys = new float[n];
        for (int i = 0; i < n; i++) {
            ys[i] = (float) (Math.sin(xs[2 * i]) + xs[2 * i + 1] * xs[2 * i + 1]);
        }
        return new Tensor[] {x, Tensor.of(ys, n, 1)};
    }

    private static double mse(Sequential model, Tensor x, Tensor y) {
        return Losses.mse(model.forward(x), y).item();
    }

    @Test
    void kerasLikeFit() {
        Tensor[] d = data(512);
        Tensor x = d[0];
        Tensor y = d[1];
        // --- README: Keras-like
        var rng = new SplittableRandom(42);
        var model = new Sequential(
                new Dense(2, 32, Activation.RELU, rng),
                new Dense(32, 1, Activation.LINEAR, rng));
        model.compile(Adam.keras(1e-2), Losses::mse);
        History history = model.fit(x, y, Fit.epochs(30).batchSize(32).seed(7)
                .output(new PrintStream(new ByteArrayOutputStream())));
        Tensor prediction = model.predict(x);
        // ---
        double before = Losses.mse(Tensor.zeros(512, 1), y).item();
        assertTrue(mse(model, x, y) < 0.05 * before, "fit reached " + mse(model, x, y) + " from " + before);
        assertTrue(prediction.shape(0) == 512 && history != null);
    }

    @Test
    void explicitLoop() {
        Tensor[] d = data(512);
        Tensor x = d[0];
        Tensor y = d[1];
        // --- README: explicit loop
        var rng = new SplittableRandom(42);
        var model = new Sequential(
                new Dense(2, 32, Activation.RELU, rng),
                new Dense(32, 1, Activation.LINEAR, rng));
        Optimizer opt = Adam.keras(1e-2).bind(model);
        for (int step = 0; step < 500; step++) {
            opt.zeroGrad();
            Tensor loss = Losses.mse(model.forward(x), y);
            loss.backward();
            opt.step();
        }
        // ---
        double before = Losses.mse(Tensor.zeros(512, 1), y).item();
        assertTrue(mse(model, x, y) < 0.05 * before, "loop reached " + mse(model, x, y) + " from " + before);
    }
}
