package jgrad.bench.models;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import jgrad.backend.Arena;
import jgrad.backend.Device;
import jgrad.bench.BackendChoice;
import jgrad.nn.loss.Losses;
import jgrad.optim.Adam;
import jgrad.optim.Optimizer;
import jgrad.tensor.Tensor;
import jgrad.text.TextCnn;

/**
 * One training step of the sentiment example's Kim CNN (jgrad.text.TextCnn): a vocabulary of 18,000 words,
 * embeddings 300 (Kim's, the example's default), widths 3/4/5 × 100 maps, max-over-time, dropout 0.5, Dense(2); a batch of 50 sentences of
 * {@code length} word ids (24: a typical bucketed batch of MR; 64: padded to the longest sentence), softmax
 * cross-entropy, backward, Adam 1e-3 (the embedding's row-sparse gradient with the exact step).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TextCnnStepBench {

    private static final int VOCABULARY = 18_000;
    private static final int BATCH = 50;

    @Param({"simd", "scalar"})
    String backend;

    @Param({"24", "64"})
    int length;

    TextCnn model;
    Optimizer adam;
    Tensor ids;
    Tensor labels;

    @Setup
    public void setup() {
        Device device = BackendChoice.use(backend);
        SplittableRandom rng = new SplittableRandom(BackendChoice.SEED);
        model = new TextCnn(VOCABULARY, 300, new int[] {3, 4, 5}, 100, 0.5, 2, rng);
        model.to(device);
        adam = Adam.keras(1e-3).bind(model);
        float[] words = new float[BATCH * length];
        int[] drawn = BackendChoice.ids(words.length, VOCABULARY, 3);
        for (int i = 0; i < words.length; i++) {
            words[i] = drawn[i];
        }
        ids = Tensor.of(words, BATCH, length).to(device);
        float[] y = new float[BATCH];
        for (int i = 0; i < BATCH; i++) {
            y[i] = i % 2;
        }
        labels = Tensor.of(y, BATCH).to(device);
    }

    @Benchmark
    public Tensor step() {
        try (Arena step = Arena.open()) {   // the step's tensors are reused by the next step, as in training
            adam.zeroGrad();
            Tensor loss = Losses.softmaxCrossEntropy(model.forward(ids), labels);
            loss.backward();
            adam.step();
            return adam.parameters().get("output.b");
        }
    }
}
