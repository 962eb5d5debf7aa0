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
import jgrad.backend.Device;
import jgrad.bench.BackendChoice;
import jgrad.optim.Adam;
import jgrad.optim.Optimizer;
import jgrad.sequence.Gru4Rec;
import jgrad.sequence.NextItemTraining;
import jgrad.sequence.SasRec;
import jgrad.sequence.SequenceBatch;
import jgrad.sequence.SequenceModel;

/**
 * One training step of the next-item models on ML-100K sizes (1,682 items): a batch of 128 full sequences of
 * 200 steps (no padding), BCE with one negative per step, backward, Adam. {@code sasrec}: 2 blocks, 1 head,
 * d 50, dropout 0.2 (the authors' block; {@code sasrec-prenorm} a pre-norm one); {@code gru4rec}: GRU d 64,
 * dropout 0.2. The peer script {@code bench/next-item-peers.py}
 * times the same steps in PyTorch.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NextItemStepBench {

    static final int ITEMS = 1682;
    static final int BATCH = 128;
    static final int STEPS = 200;

    @Param({"simd"})
    String backend;

    /** {@code sasrec}: the authors' block, the default of {@code ./jgrad example sasrec}; {@code sasrec-prenorm}: pre-norm. */
    @Param({"sasrec", "sasrec-prenorm", "gru4rec"})
    String model;

    SequenceModel net;
    Optimizer adam;
    SequenceBatch batch;

    @Setup
    public void setup() {
        Device device = BackendChoice.use(backend);
        SplittableRandom rng = new SplittableRandom(BackendChoice.SEED);
        net = switch (model) {
            case "sasrec" -> new SasRec(ITEMS, 50, STEPS, 2, 1, 0.2, SasRec.Block.REFERENCE, DType.F32, rng);
            case "sasrec-prenorm" -> new SasRec(ITEMS, 50, STEPS, 2, 1, 0.2, SasRec.Block.PRENORM, DType.F32, rng);
            default -> new Gru4Rec(ITEMS, 64, STEPS, 0.2, DType.F32, rng);
        };
        net.to(device);
        adam = new Adam(1e-3, 0.9, 0.98, 1e-8, false).bind(net);
        int n = BATCH * STEPS;
        batch = new SequenceBatch(BATCH, STEPS, BackendChoice.ids(n, ITEMS, 1), BackendChoice.ids(n, ITEMS, 2),
                BackendChoice.ids(n, ITEMS, 3));
        for (int[] ids : new int[][] {batch.inputs(), batch.positives(), batch.negatives()}) {
            for (int i = 0; i < ids.length; i++) {
                ids[i] += 1;     // items 1 … 1682: 0 would be padding
            }
        }
    }

    /** The step that {@code ./jgrad example sasrec} and {@code gru4rec} train with, in its step memory. */
    @Benchmark
    public double trainStep() {
        return NextItemTraining.step(net, adam, batch);
    }
}
