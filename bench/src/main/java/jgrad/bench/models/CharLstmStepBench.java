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
import jgrad.text.CharLanguageModel;

/**
 * One training step of the copywriter's character LSTM (jgrad.text.CharLanguageModel): 100 characters,
 * embeddings 32, 2 × LSTM({@code hidden}), a batch of 64 lines of 45 characters, softmax cross-entropy over
 * every position, backward through time, Adam 2e-3 with the global norm clipped at 5.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CharLstmStepBench {

    private static final int CHARACTERS = 100;
    private static final int BATCH = 64;
    private static final int STEPS = 45;

    @Param({"simd", "scalar"})
    String backend;

    @Param({"128", "256"})
    int hidden;

    CharLanguageModel model;
    Optimizer adam;
    Tensor inputs;
    Tensor targets;

    @Setup
    public void setup() {
        Device device = BackendChoice.use(backend);
        SplittableRandom rng = new SplittableRandom(BackendChoice.SEED);
        model = new CharLanguageModel(CHARACTERS, 32, hidden, 2, rng);
        model.to(device);
        adam = Adam.keras(2e-3).clipGlobalNorm(5).bind(model);
        inputs = Tensor.of(chars(BATCH * STEPS, 1), BATCH, STEPS).to(device);
        targets = Tensor.of(chars(BATCH * STEPS, 2), BATCH * STEPS).to(device);
    }

    private static float[] chars(int n, long stream) {
        int[] drawn = BackendChoice.ids(n, CHARACTERS, stream);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = drawn[i];
        }
        return out;
    }

    @Benchmark
    public Tensor step() {
        try (Arena step = Arena.open()) {   // the step's tensors are reused by the next step, as in training
            adam.zeroGrad();
            Tensor loss = Losses.softmaxCrossEntropy(model.forward(inputs), targets);
            loss.backward();
            adam.step();
            return adam.parameters().get("output.b");
        }
    }
}
