package jgrad.spark;

/**
 * A cost model of batch scoring and synchronous data-parallel training on E executors of c cores, fitted on
 * costs measured on one machine and projected to clusters this machine cannot run. Every term is stated:
 * <pre>
 *   compute     a row costs  f·P  seconds per core for a model of P parameters (forward: f = fwd; a gradient:
 *               f = grad), so R rows take R·f·P / (E·c)
 *   job         each Spark job costs  j₀ + j₁·tasks  seconds: a scoring run has E·c tasks, a synchronization
 *               E (one replica per executor, using its c cores through the engine's threads)
 *   broadcast   S = 4P bytes (float32) reach every executor by Spark's torrent broadcast: S/β·⌈log₂(E+1)⌉
 *   aggregate   treeAggregate of depth 2: each of two levels receives ⌈√E⌉ vectors of S bytes at β bytes/s and
 *               adds them at a bytes/s:  2·⌈√E⌉·S·(1/β + 1/a)
 *   one step    = broadcast + job + compute of the batch + aggregate; K local steps per synchronization
 *               divide broadcast, job and aggregate by K; compressing the vectors by r divides S by r.
 * </pre>
 * f, j₀, j₁ and a are measured here ({@code ./jgrad spark-scale}); β, the network's bandwidth, cannot be
 * measured on one machine and is an assumption the caller states.
 *
 * @param forwardPerRowParam  f for scoring, seconds per row per parameter on one core
 * @param gradientPerRowParam f for a gradient (forward and backward), seconds per row per parameter on one core
 * @param jobSeconds          j₀, the fixed cost of a Spark job
 * @param taskSeconds         j₁, the cost of one more task in a job
 * @param addBytesPerSecond   a, the rate at which one core adds two float32 vectors (bytes of one vector per second)
 * @param networkBytesPerSecond β, assumed
 */
public record ScalingModel(double forwardPerRowParam, double gradientPerRowParam, double jobSeconds,
                           double taskSeconds, double addBytesPerSecond, double networkBytesPerSecond) {

    /** Seconds to score {@code rows} rows with a model of {@code params} parameters on E executors of c cores. */
    public double scoringSeconds(long rows, long params, int executors, int cores) {
        long tasks = (long) executors * cores;
        return broadcastSeconds(params, executors, 1) + job(tasks) + rows * forwardPerRowParam * params / tasks;
    }

    /** Rows per second of a scoring run of {@code rows} rows. */
    public double scoringRowsPerSecond(long rows, long params, int executors, int cores) {
        return rows / scoringSeconds(rows, params, executors, cores);
    }

    /** Seconds for S = 4P/compression bytes to reach every executor: S/β·⌈log₂(E+1)⌉. */
    public double broadcastSeconds(long params, int executors, double compression) {
        return 4.0 * params / compression / networkBytesPerSecond * log2Ceil(executors + 1);
    }

    /** Seconds of treeAggregate's two levels: 2·⌈√E⌉·S·(1/β + 1/a). */
    public double aggregationSeconds(long params, int executors, double compression) {
        double bytes = 4.0 * params / compression;
        return 2 * Math.ceil(Math.sqrt(executors)) * bytes * (1 / networkBytesPerSecond + 1 / addBytesPerSecond);
    }

    /**
     * Seconds of one synchronization: the weights' broadcast, the gradients' aggregation and the job, whose
     * tasks are one per executor (a replica uses all its executor's cores through the engine's threads).
     */
    public double synchronizationSeconds(long params, int executors, double compression) {
        return broadcastSeconds(params, executors, compression) + aggregationSeconds(params, executors, compression)
                + job(executors);
    }

    /**
     * The fewest executors (up to {@code max}) at which a synchronization costs more than the step's compute:
     * from there on, more executors make synchronous training slower per step unless the synchronizations
     * get cheaper or rarer. {@code max + 1} when compute still dominates at {@code max}.
     */
    public int aggregationBoundFrom(long params, long batch, int cores, int max) {
        for (int e = 1; e <= max; e++) {
            if (synchronizationSeconds(params, e, 1) >= computeSecondsPerStep(params, batch, e, cores)) {
                return e;
            }
        }
        return max + 1;
    }

    /** Seconds of the computation of one step's gradients over a global batch of {@code batch} rows. */
    public double computeSecondsPerStep(long params, long batch, int executors, int cores) {
        return batch * gradientPerRowParam * params / ((long) executors * cores);
    }

    /**
     * Seconds of one epoch over {@code rows} rows in global batches of {@code batch}, synchronizing every
     * {@code localSteps} steps (1: gradient averaging), vectors compressed by {@code compression} (1: none).
     */
    public double epochSeconds(long rows, long params, long batch, int executors, int cores, int localSteps,
                               double compression) {
        double steps = Math.ceil((double) rows / batch);
        return steps * (computeSecondsPerStep(params, batch, executors, cores)
                + synchronizationSeconds(params, executors, compression) / localSteps);
    }

    private double job(long tasks) {
        return jobSeconds + taskSeconds * tasks;
    }

    private static int log2Ceil(long n) {
        return 64 - Long.numberOfLeadingZeros(n - 1);
    }
}
