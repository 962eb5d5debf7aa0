package jgrad.bench.sequence;

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

import jgrad.backend.DType;
import jgrad.bench.BackendChoice;
import jgrad.sequence.Gru4Rec;
import jgrad.sequence.SasRec;
import jgrad.sequence.SequenceModel;

/**
 * Serving one user: the scores of all 1,682 items after a history of {@code length} items
 * ({@link SequenceModel#scores}, evaluation mode, no gradient), as {@code recommend} computes them. The
 * issue's target is a p99 under 1 ms for full ranking: run with {@code -bm sample} for percentiles.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NextItemServeBench {

    @Param({"simd"})
    String backend;

    @Param({"sasrec", "gru4rec"})
    String model;

    @Param({"50", "200"})
    int length;

    SequenceModel net;
    int[][] history;

    @Setup
    public void setup() {
        BackendChoice.use(backend);
        SplittableRandom rng = new SplittableRandom(BackendChoice.SEED);
        net = model.equals("sasrec") ? SasRec.paper(NextItemStepBench.ITEMS, DType.F32, rng)
                : new Gru4Rec(NextItemStepBench.ITEMS, 64, 200, 0.2, DType.F32, rng);
        history = new int[][] {BackendChoice.ids(length, NextItemStepBench.ITEMS, 4)};
        for (int i = 0; i < length; i++) {
            history[0][i] += 1;
        }
    }

    @Benchmark
    public double[][] scoreAllItems() {
        return net.scores(history);
    }
}
