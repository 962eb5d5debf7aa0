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

import jgrad.backend.Device;
import jgrad.bench.BackendChoice;
import jgrad.recsys.Ncf;
import jgrad.recsys.NcfServing;
import jgrad.backend.DType;

/**
 * The latency of one recommendation: the NCF/MLP recommender of {@code jgrad.recsys} (embeddings
 * 64 + 64 → 128 relu → 1, MovieLens-100K's 943 users and 1,682 items) ranks all items for one user and
 * returns the 10 best unseen (none are excluded here). Target: p99 < 1 ms in-process, read from the
 * sample-time percentiles. The weights are a fresh model's: the latency depends on the shapes only.
 *
 * <p>{@code top10} runs the model as trained: 1,682 rows through both layers (a 1682×128×128 GEMM per
 * query). {@code top10Serving} asks the model's serving snapshot ({@code Ncf.forServing()}), which keeps
 * the item half of the first layer precomputed: a query is then one 128-vector, a broadcast add with
 * relu over 1682×128 and one matrix-vector product, the same scores for about 1/60 of the arithmetic.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TopKBench {

    private static final int K = 10;
    private static final int USER = 196;
    private static final int[] NONE_SEEN = {};

    @Param({"simd", "scalar"})
    String backend;

    Ncf model;
    NcfServing serving;

    @Setup
    public void setup() {
        Device device = BackendChoice.use(backend);
        model = new Ncf(Ncf.Kind.MLP, RatingBatches.USERS, RatingBatches.ITEMS, 0, 64, new int[] {128}, DType.F32,
                new SplittableRandom(BackendChoice.SEED));
        model.to(device);
        serving = model.forServing();
    }

    @Benchmark
    public int[] top10() {
        return model.recommend(USER, K, NONE_SEEN);
    }

    @Benchmark
    public int[] top10Serving() {
        return serving.recommend(USER, K, NONE_SEEN);
    }
}
