package jgrad.bench.kernels;

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

import jgrad.backend.Backend;
import jgrad.bench.BackendChoice;
import jgrad.backend.Storage;

/**
 * The embedding lookup (gather rows of a table by id) and its backward (scatter-add rows back, repeated
 * ids accumulating), through the backend. The table reads {@code ROWSxDIM:IDS}: 1682×64 with 256 ids is
 * the MovieLens item table of the recommenders at batch 256; 100000×64 with 4096 ids is a catalogue
 * large enough that rows miss the cache.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EmbeddingBench {

    @Param({"1682x64:256", "100000x64:4096"})
    String table;

    @Param({"simd", "scalar"})
    String backend;

    Backend kernels;
    int dim;
    int[] ids;
    Storage weights;
    Storage rows;

    @Setup
    public void setup() {
        kernels = BackendChoice.of(backend);
        int n = Integer.parseInt(table.substring(0, table.indexOf('x')));
        dim = Integer.parseInt(table.substring(table.indexOf('x') + 1, table.indexOf(':')));
        ids = BackendChoice.ids(Integer.parseInt(table.substring(table.indexOf(':') + 1)), n, 3);
        weights = BackendChoice.uniformStorage(n * dim, -0.05, 0.05, 1);
        rows = BackendChoice.uniformStorage(ids.length * dim, -1e-3, 1e-3, 2);
    }

    @Benchmark
    public Storage gather() {
        kernels.gatherRows(ids, dim, weights, 0, rows, 0);
        return rows;
    }

    /** Adds small gradients into the table again at every call; the sums stay far from overflow. */
    @Benchmark
    public Storage scatterAdd() {
        kernels.scatterAddRows(ids, ids.length, dim, rows, 0, weights, 0);
        return weights;
    }
}
