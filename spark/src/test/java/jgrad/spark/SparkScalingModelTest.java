package jgrad.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The cost model's terms, against sums worked out by hand. */
class SparkScalingModelTest {

    // f = 1 ns per row per parameter to score, 3 ns for a gradient; a job 50 ms + 1 ms per task;
    // adding 4 GB/s; network 1 GB/s
    private final ScalingModel m = new ScalingModel(1e-9, 3e-9, 0.05, 0.001, 4e9, 1e9);

    @Test
    void scoringIsBroadcastPlusJobPlusComputeSpreadOverAllCores() {
        // 1e6 params = 4e6 bytes; 3 executors: ⌈log₂ 4⌉ = 2 hops → 8 ms; job 50 + 6 tasks → 56 ms;
        // compute 1e6 rows · 1e-9 · 1e6 params / 6 cores = 166.667 s
        assertEquals(0.008 + 0.056 + 1e3 / 6, m.scoringSeconds(1_000_000, 1_000_000, 3, 2), 1e-9);
    }

    @Test
    void aSynchronizationIsBroadcastAggregationAndJob() {
        // 1e6 params, 9 executors of 1 core: broadcast 4e6/1e9 · ⌈log₂ 10⌉ = 4 ms · 4 = 16 ms;
        // aggregation 2 · ⌈√9⌉ · 4e6 · (1/1e9 + 1/4e9) = 6 · 4e6 · 1.25e-9 = 30 ms; job 50 + 9 = 59 ms
        assertEquals(0.016 + 0.030 + 0.059, m.synchronizationSeconds(1_000_000, 9, 1), 1e-12);
        // compressed by 2: the bytes halve, the job does not
        assertEquals(0.008 + 0.015 + 0.059, m.synchronizationSeconds(1_000_000, 9, 2), 1e-12);
    }

    @Test
    void localStepsDivideOnlyTheSynchronization() {
        // 1e4 rows in batches of 1e3: 10 steps of compute 1e3 · 3e-9 · 1e6 / 9 = 1/3 s, sync 0.105 s (above)
        double perStep = 1.0 / 3;
        assertEquals(10 * (perStep + 0.105), m.epochSeconds(10_000, 1_000_000, 1_000, 9, 1, 1, 1), 1e-9);
        assertEquals(10 * (perStep + 0.105 / 5), m.epochSeconds(10_000, 1_000_000, 1_000, 9, 1, 5, 1), 1e-9);
    }

    @Test
    void aggregationBindsWhereASynchronizationOutgrowsTheStepsCompute() {
        // compute of a 1,000-row batch, 1e6 params, 1 core: 3/E s. E = 9: 0.333 < sync 0.105; E = 30: compute
        // 0.1 s, sync = 4e6/1e9·⌈log₂ 31⌉ (5) = 0.020 + 2·⌈√30⌉ (6)·5e-3 = 0.060 + 0.05 + 0.030 = 0.160 ≥ 0.1;
        // so the bound lies in (9, 30]: check its defining property around it
        int e = m.aggregationBoundFrom(1_000_000, 1_000, 1, 1000);
        assertEquals(true, e > 9 && e <= 30, "bound " + e);
        assertEquals(true, m.synchronizationSeconds(1_000_000, e, 1) >= m.computeSecondsPerStep(1_000_000, 1_000, e, 1));
        assertEquals(true, m.synchronizationSeconds(1_000_000, e - 1, 1) < m.computeSecondsPerStep(1_000_000, 1_000, e - 1, 1));
        assertEquals(1001, new ScalingModel(1e-9, 1, 0, 0, 4e9, 1e9).aggregationBoundFrom(1_000_000, 1_000, 1, 1000));
    }
}
