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
import jgrad.sequence.SequenceServing;
import jgrad.sequence.UserStates;

/**
 * Serving one user: the scores of all 1,682 items after a history of {@code length} items, through the model's
 * immutable snapshot ({@link SequenceModel#forServing}). {@code scoreHistory}: a history met for the first time
 * ({@link SequenceServing#scoreInto}: the encoder over the history, evaluation mode, no gradient, step memory);
 * {@code scoreKnownUser}: a user whose state was computed when the snapshot was loaded, as {@code serve} answers
 * ({@link UserStates}: one product with the item table). The target is a p99 under 1 ms for full
 * ranking: the mode is sample time, so JMH prints the percentiles.
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

    SequenceServing serving;
    UserStates users;
    int[] history;
    double[] scores;
    double[] userScores;

    @Setup
    public void setup() {
        BackendChoice.use(backend);
        SplittableRandom rng = new SplittableRandom(BackendChoice.SEED);
        SequenceModel net = model.equals("sasrec")
                ? new SasRec(NextItemStepBench.ITEMS, 50, NextItemStepBench.STEPS, 2, 1, 0.2, SasRec.Block.REFERENCE,
                        DType.F32, rng)
                : new Gru4Rec(NextItemStepBench.ITEMS, 64, 200, 0.2, DType.F32, rng);
        serving = net.forServing();
        history = BackendChoice.ids(length, NextItemStepBench.ITEMS, 4);
        for (int i = 0; i < length; i++) {
            history[i] += 1;
        }
        scores = new double[NextItemStepBench.ITEMS + 1];
        users = serving.forUsers(new int[][] {java.util.Arrays.stream(history).map(i -> i - 1).toArray()});
        userScores = new double[NextItemStepBench.ITEMS];
    }

    @Benchmark
    public double[] scoreHistory() {
        serving.scoreInto(history, scores);
        return scores;
    }

    @Benchmark
    public double[] scoreKnownUser() {
        users.scoreItems(0, userScores);
        return userScores;
    }
}
