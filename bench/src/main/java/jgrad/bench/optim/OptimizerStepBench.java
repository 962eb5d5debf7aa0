package jgrad.bench.optim;

import java.util.LinkedHashMap;
import java.util.Map;
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
import jgrad.optim.Adam;
import jgrad.optim.Optimizer;
import jgrad.optim.SGD;
import jgrad.tensor.Tensor;

/**
 * One optimizer step alone, over the parameters of the 784-128-10 MLP (101,770 floats) or the dense
 * embedding tables of the NCF recommender (168,000 floats), with gradients set once in setup. The
 * training-step benchmarks showed the update loop as their largest single cost (JFR: more than half of
 * an MLP step); this isolates it so that a faster update shows up above the machine's noise.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OptimizerStepBench {

    @Param({"adam", "sgd"})
    String optimizer;

    @Param({"mlp", "ncfTables"})
    String params;

    Optimizer opt;

    @Setup
    public void setup() {
        SplittableRandom rng = new SplittableRandom(BackendChoice.SEED);
        Map<String, Tensor> named = new LinkedHashMap<>();
        int[][] shapes = params.equals("mlp")
                ? new int[][] {{128, 784}, {128}, {10, 128}, {10}}
                : new int[][] {{943, 64}, {1682, 64}};
        for (int k = 0; k < shapes.length; k++) {
            Tensor p = Tensor.randn(rng, shapes[k]).requiresGrad(true);
            p.accumulateGrad(Tensor.randn(rng, shapes[k]));
            named.put("p" + k, p);
        }
        opt = (optimizer.equals("adam") ? new Adam(1e-3) : new SGD(1e-3)).bind(named);
    }

    /** The gradients stay as set; each call moves the weights by at most about lr per element. */
    @Benchmark
    public Optimizer step() {
        opt.step();
        return opt;
    }
}
