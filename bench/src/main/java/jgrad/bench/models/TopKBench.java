package jgrad.bench.models;

import java.util.Arrays;
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

import jgrad.autograd.Autograd;
import jgrad.bench.BackendChoice;

/**
 * The latency of one recommendation: the NCF model scores one user against all 1,682 items (one
 * forward of batch 1,682 under no-grad) and the 10 best are picked. Target: p99 < 1 ms in-process,
 * read from the sample-time percentiles. The weights are a fresh model's: the latency does not depend
 * on their values, only on the shapes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TopKBench {

    private static final int K = 10;

    @Param({"simd", "scalar"})
    String backend;

    NcfModel model;
    int user;
    int[] users;
    int[] items;

    @Setup
    public void setup() {
        BackendChoice.use(backend);
        model = new NcfModel(new SplittableRandom(BackendChoice.SEED), true);
        user = 196;
        users = new int[RatingBatches.ITEMS];
        items = new int[RatingBatches.ITEMS];
        for (int i = 0; i < items.length; i++) {
            items[i] = i;
        }
    }

    @Benchmark
    public int[] top10() {
        Arrays.fill(users, user);
        float[] scores;
        try (Autograd.NoGrad off = Autograd.noGrad()) {
            scores = model.forward(users, items).toFloatArray();
        }
        return best(scores, K);
    }

    /** The indices of the k largest scores, best first: one pass keeping a sorted list of k. */
    static int[] best(float[] scores, int k) {
        int[] top = new int[k];
        int filled = 0;
        for (int i = 0; i < scores.length; i++) {
            if (filled == k && scores[i] <= scores[top[k - 1]]) {
                continue;
            }
            int pos = filled < k ? filled++ : k - 1;
            while (pos > 0 && scores[top[pos - 1]] < scores[i]) {
                top[pos] = top[pos - 1];
                pos--;
            }
            top[pos] = i;
        }
        return top;
    }
}
