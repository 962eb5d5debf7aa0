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

import jgrad.bench.BackendChoice;
import jgrad.nn.loss.Losses;
import jgrad.optim.Adam;
import jgrad.optim.Optimizer;
import jgrad.tensor.Tensor;

/**
 * One training step of the NCF/MLP recommender (emb 64+64 → 128 relu → 1, MSE, Adam lr 1e-3, batch 256)
 * on MovieLens-100K-shaped random ratings, as the peer script's epoch loop does it: next batch of a
 * shuffled epoch, zero the gradients, forward, loss, backward, Adam step, read the loss. Target ≥ 2×
 * PyTorch's samples/s (samples/s = 256 / time). {@code embeddings = dense} gives the tables dense
 * gradients and a dense Adam step, PyTorch's semantics; {@code sparse} (jgrad's default) updates only
 * the looked-up rows (lazy Adam). Run with -prof gc for the bytes allocated per step.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NcfTrainBench {

    @Param({"simd", "scalar"})
    String backend;

    @Param({"sparse", "dense"})
    String embeddings;

    NcfModel model;
    Optimizer adam;
    RatingBatches data;

    @Setup
    public void setup() {
        BackendChoice.use(backend);
        model = new NcfModel(new SplittableRandom(BackendChoice.SEED), embeddings.equals("sparse"));
        adam = new Adam(1e-3).bind(model);
        data = new RatingBatches(256);
    }

    @Benchmark
    public double step() {
        Tensor target = data.advance();
        adam.zeroGrad();
        Tensor loss = Losses.mse(model.forward(data.u, data.i), target);
        loss.backward();
        adam.step();
        return loss.item();
    }
}
