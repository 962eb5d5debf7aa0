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
import jgrad.tensor.Tensor;

/**
 * The latency of one recommendation: the NCF model scores one user against all 1,682 items (one
 * forward of batch 1,682 under no-grad) and the 10 best are picked. Target: p99 < 1 ms in-process,
 * read from the sample-time percentiles. The weights are a fresh model's: the latency does not depend
 * on their values, only on the shapes.
 *
 * <p>{@code top10} runs the model as trained: 1,682 rows through both layers (a 1682×128×128 GEMM per
 * query). {@code top10Factored} uses that the first layer is linear before its relu:
 * W₁[u; i] = W₁ᵤ u + W₁ᵢ i, so the item half W₁ᵢ i + b₁ of every item can be computed once per model
 * version and kept; a query is then one 128-vector, a broadcast add with relu over 1682×128, and one
 * matrix-vector product: the same scores for about 1/60 of the arithmetic.
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
    Tensor itemHalf;
    Tensor userTable;
    Tensor userWeights;
    Tensor outWeights;
    Tensor outBias;

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
        try (Autograd.NoGrad off = Autograd.noGrad()) {
            Tensor w1 = model.hidden.parameters().get("W");
            Tensor itemTable = model.items.parameters().get("W_emb");
            itemHalf = itemTable.matmul(w1.narrow(1, 64, 64), false, true).add(model.hidden.parameters().get("b"));
            userWeights = w1.narrow(1, 0, 64).contiguous();
            userTable = model.users.parameters().get("W_emb");
            outWeights = model.out.parameters().get("W");
            outBias = model.out.parameters().get("b");
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

    @Benchmark
    public int[] top10Factored() {
        float[] scores;
        try (Autograd.NoGrad off = Autograd.noGrad()) {
            Tensor userHalf = userTable.gatherRows(new int[] {user}).matmul(userWeights, false, true);
            Tensor h = itemHalf.add(userHalf).relu();
            scores = h.matmul(outWeights, false, true).add(outBias).toFloatArray();
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
