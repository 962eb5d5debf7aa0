package jgrad.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jgrad.io.ModelFiles;
import jgrad.optim.Adam;
import jgrad.optim.SGD;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;
import jgrad.testing.TestLayers;

/** The Keras-like front: compile, fit, evaluate, predict, callbacks and progress. */
class FitTest {

    @TempDir
    Path dir;

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private static final Metric MAE = Metric.mean("mae", (p, y) -> p.sub(y).abs().mean().item());

    private static Tensor inputs(DType dtype) {
        return Tensor.randn(new Random(21), dtype, 0, 1, 120, 3);
    }

    /** A smooth target the small network can learn: y = tanh(x₁ − x₂) + 0.5·x₃. */
    private static Tensor targets(Tensor x) {
        return x.narrow(1, 0, 1).sub(x.narrow(1, 1, 1)).tanh().add(x.narrow(1, 2, 1).mul(0.5));
    }

    private static Sequential network(DType dtype) {
        Sequential m = new Sequential(new TestLayers.Affine(3, 8, dtype, 1), new TestLayers.Tanh(),
                new TestLayers.Affine(8, 1, dtype, 2));
        m.compile(new Adam(0.02), TestLayers::mse, MAE);
        return m;
    }

    @Test
    void fitLearnsInF32AndF64() {
        for (DType dtype : DType.values()) {
            Tensor x = inputs(dtype);
            Sequential model = network(dtype);
            History h = model.fit(x, targets(x), Fit.epochs(30).batchSize(16).validationSplit(0.25).output(QUIET));
            assertEquals(30, h.epochs());
            List<Double> loss = h.get("loss");
            assertTrue(loss.get(29) < 0.2 * loss.get(0), dtype + ": loss " + loss.get(0) + " -> " + loss.get(29));
            assertTrue(h.get("val_loss").get(29) < h.get("val_loss").get(0), dtype + " val_loss " + h.get("val_loss"));
            assertEquals(30, h.get("val_mae").size());
            Tensor pred = model.predict(x);
            assertEquals(dtype, pred.dtype());
            assertArrayEquals(new int[] {120, 1}, pred.shape());
        }
    }

    @Test
    void evaluateAgreesWithTheLossComputedByHand() {
        Tensor x = inputs(DType.F64);
        Tensor y = targets(x);
        Sequential model = network(DType.F64);
        var logs = model.evaluate(List.of(x), y, 7);
        Tensor pred = model.forward(x);
        assertEquals(TestLayers.mse(pred, y).item(), logs.get("loss"), 1e-12);
        assertEquals(pred.sub(y).abs().mean().item(), logs.get("mae"), 1e-12);
    }

    @Test
    void theSameSeedGivesTheSameWeights() {
        Tensor x = inputs(DType.F32);
        double[][] w = new double[3][];
        long[] seeds = {5, 5, 6};
        for (int i = 0; i < 3; i++) {
            Sequential model = network(DType.F32);
            model.fit(x, targets(x), Fit.epochs(3).batchSize(10).seed(seeds[i]).output(QUIET));
            w[i] = model.parameters().get("0.W").toDoubleArray();
        }
        assertArrayEquals(w[0], w[1], 0);
        assertFalse(java.util.Arrays.equals(w[0], w[2]), "another seed gives other batches");
    }

    @Test
    void earlyStoppingRestoresTheBestWeights() {
        // Train toward y = x but validate against y = 0: the validation loss is best after epoch 1
        // and grows after, so training stops after 1 + patience epochs and goes back to epoch 1.
        Tensor x = Tensor.randn(new Random(3), DType.F64, 0, 1, 40, 1);
        Tensor zero = Tensor.zeros(DType.F64, 40, 1);
        Fit fit = Fit.epochs(50).batchSize(8).validationData(x, zero).output(QUIET);
        Sequential once = zeroAffine();
        once.fit(x, x, Fit.epochs(1).batchSize(8).output(QUIET));

        Sequential model = zeroAffine();
        EarlyStopping stop = new EarlyStopping(2);
        History h = model.fit(x, x, fit.callbacks(stop));
        assertEquals(3, h.epochs());
        assertEquals(0, stop.bestEpoch());
        assertTrue(h.get("val_loss").get(2) > h.get("val_loss").get(0));
        assertArrayEquals(once.parameters().get("0.W").toDoubleArray(), model.parameters().get("0.W").toDoubleArray(), 0);
        assertEquals(h.get("val_loss").get(0), model.evaluate(x, zero).get("loss"), 1e-12);
    }

    @Test
    void aWeightsSnapshotGoesBackToTheWeightsItTook() {
        Sequential model = network(DType.F64);
        WeightsSnapshot snapshot = new WeightsSnapshot();
        IllegalStateException none = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> snapshot.restore(model));
        assertTrue(none.getMessage().contains("no snapshot"), none.getMessage());
        Tensor x = inputs(DType.F64);
        double[] before = model.predict(x).toDoubleArray();
        snapshot.take(model);
        model.fit(x, targets(x), Fit.epochs(2).output(QUIET));
        assertFalse(java.util.Arrays.equals(before, model.predict(x).toDoubleArray()), "training moved the weights");
        snapshot.restore(model);
        assertArrayEquals(before, model.predict(x).toDoubleArray(), 0);
    }

    private static Sequential zeroAffine() {
        Sequential m = new Sequential(new TestLayers.Affine(1, 1, DType.F64, 0, true));
        m.compile(new SGD(0.05), TestLayers::mse);
        return m;
    }

    @Test
    void checkpointsAreLoadableModels() throws IOException {
        Tensor x = inputs(DType.F64);
        Sequential model = network(DType.F64);
        String pattern = dir.resolve("ckpt-{epoch}").toString();
        model.fit(x, targets(x), Fit.epochs(2).output(QUIET).callbacks(new ModelCheckpoint(pattern)));
        assertTrue(Files.exists(dir.resolve("ckpt-1.safetensors")));
        Sequential last = (Sequential) ModelFiles.load(dir.resolve("ckpt-2"));
        assertArrayEquals(model.predict(x).toDoubleArray(), last.predict(x).toDoubleArray(), 0);
    }

    @Test
    void plainProgressIsOneLinePerEpoch() {
        Tensor x = inputs(DType.F32);
        var bytes = new ByteArrayOutputStream();
        network(DType.F32).fit(x, targets(x), Fit.epochs(3).batchSize(40).validationSplit(0.2)
                .output(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(3, lines.length);
        for (int e = 0; e < 3; e++) {
            assertTrue(lines[e].matches("Epoch " + (e + 1) + "/3 3/3 \\d+\\.\\ds - loss: \\S+ - mae: \\S+"
                    + " - val_loss: \\S+ - val_mae: \\S+"), lines[e]);
        }
        assertFalse(bytes.toString(StandardCharsets.UTF_8).contains("\r"));
    }

    @Test
    void liveProgressRedrawsABarWithTheEta() {
        Tensor x = inputs(DType.F32);
        var bytes = new ByteArrayOutputStream();
        network(DType.F32).fit(x, targets(x), Fit.epochs(2).batchSize(40).liveProgress(true)
                .output(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("\rEpoch 1/2 1/3 [========>") && out.contains("ETA"), out);
        assertTrue(out.contains("\rEpoch 2/2 3/3 [========================]"), out);
        assertEquals(2, out.split("\n").length);
    }

    @Test
    void aNonFiniteLossStopsTrainingAndSaysWhere() {
        Tensor x = inputs(DType.F64);
        x.set(Double.NaN, 50, 0);
        var e = assertThrows(IllegalStateException.class, () -> network(DType.F64)
                .fit(x, targets(x), Fit.epochs(2).batchSize(16).shuffle(false).output(QUIET)));
        assertTrue(e.getMessage().contains("epoch 1, batch 4 of 8"), e.getMessage());
    }

    @Test
    void withAnomalyDetectionTheErrorNamesTheOpTheEpochAndTheBatch() {
        Tensor x = inputs(DType.F64);
        Tensor y = targets(x);
        jgrad.nn.Layer log = new jgrad.nn.Layer() {       // ln of an affine map: NaN wherever it goes negative
            @Override public Tensor forward(Tensor t) { return t.log(); }
            @Override public String type() { return "TestLog"; }
            @Override public java.util.Map<String, Object> config() { return java.util.Map.of(); }
        };
        Sequential model = new Sequential(new TestLayers.Affine(3, 8, DType.F64, 1), log,
                new TestLayers.Affine(8, 1, DType.F64, 2));
        model.compile(new Adam(0.02), TestLayers::mse);
        jgrad.autograd.Autograd.detectAnomalies(true);
        try {
            var e = assertThrows(jgrad.autograd.NumericAnomalyException.class,
                    () -> model.fit(x, y, Fit.epochs(2).batchSize(16).shuffle(false).output(QUIET)));
            assertTrue(e.getMessage().contains("NaN in the output of 'log'")
                    && e.getMessage().contains("epoch 1, batch 1 of 8"), e.getMessage());
        } finally {
            jgrad.autograd.Autograd.detectAnomalies(false);
        }
    }

    @Test
    void misuseIsExplained() {
        Sequential m = new Sequential(new TestLayers.Affine(3, 1, DType.F32, 1));
        Tensor x = inputs(DType.F32);
        var s = assertThrows(IllegalStateException.class, () -> m.fit(x, targets(x), Fit.epochs(1)));
        assertTrue(s.getMessage().contains("compile"), s.getMessage());
        m.compile(new SGD(0.1), TestLayers::mse);
        var a = assertThrows(IllegalArgumentException.class,
                () -> m.fit(x, Tensor.zeros(10, 1), Fit.epochs(1).output(QUIET)));
        assertTrue(a.getMessage().contains("target has shape [10, 1]") && a.getMessage().contains("120 examples"),
                a.getMessage());
        assertNotNull(m.optimizer());
    }
}
