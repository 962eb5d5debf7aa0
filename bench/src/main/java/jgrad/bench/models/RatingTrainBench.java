package jgrad.bench.models;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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

/**
 * One training step of a rating model (MSE, Adam lr 1e-3, batch 256) on MovieLens-100K-shaped random
 * ratings, as the peer script's epoch loop does it: next batch of a shuffled epoch, zero the gradients,
 * forward, loss, backward, Adam step, read the loss. Target ≥ 2× PyTorch's samples/s (samples/s = 256 /
 * time). The embedding tables' gradients:
 * <ul>
 *   <li>{@code sparse}: row-sparse gradients and the exact Adam step (every row's moments decay): the
 *       same weights as {@code dense} and as PyTorch, with a cheaper backward pass;</li>
 *   <li>{@code lazy}: row-sparse gradients and lazy Adam (looked-up rows only, like LazyAdam/SparseAdam):
 *       a different, cheaper rule;</li>
 *   <li>{@code dense}: dense gradients and a dense Adam step, PyTorch's default.</li>
 * </ul>
 * On {@code -p backend=cuda|cuda-emu} the model lives on the CUDA device; a step then uploads its
 * batch's targets and reads the loss back, as a PyTorch step on a GPU does ({@code .to(device)},
 * {@code .item()}). Run with -prof gc for the bytes allocated per step. Subclasses name the model.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public abstract class RatingTrainBench {

    @Param({"simd", "scalar"})
    String backend;

    @Param({"sparse", "lazy", "dense"})
    String embeddings;

    Device device;
    RatingModel model;
    Optimizer adam;
    RatingBatches data;

    abstract RatingModel newModel(RandomGenerator rng, boolean sparseGradients);

    @Setup
    public void setup() {
        device = BackendChoice.use(backend);
        model = newModel(new SplittableRandom(BackendChoice.SEED), !embeddings.equals("dense"));
        model.to(device);
        adam = new Adam(1e-3).lazy(embeddings.equals("lazy")).bind(model);
        data = new RatingBatches(256);
    }

    /** A fresh order for each measurement iteration, outside the measured method (see {@link RatingBatches}). */
    @Setup(Level.Iteration)
    public void shuffle() {
        data.shuffle();
    }

    @Benchmark
    public double step() {
        try (Arena step = Arena.open()) {
            Tensor target = data.advance().to(device);
            adam.zeroGrad();
            Tensor loss = Losses.mse(model.forward(data.u, data.i), target);
            loss.backward();
            adam.step();
            return loss.to(Device.CPU).item();
        }
    }
}
