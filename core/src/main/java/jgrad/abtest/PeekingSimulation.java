package jgrad.abtest;

import java.util.random.RandomGenerator;

/**
 * A/A tests (both groups share one true rate, so every rejection is a false positive) looked at once a day.
 * Each run draws {@code visitorsPerDay} Bernoulli visitors per group per day for {@code days} days and records
 * whether
 * <ul>
 *   <li>the fixed-horizon z-test, run once at the end, rejects (rate ≈ α: the test's promise);</li>
 *   <li>naive peeking rejects: the same z-test on the cumulative counts after every day, stopping at the first
 *       p &lt; α (the promise broken: the rate grows with the number of looks);</li>
 *   <li>the mixture SPRT ({@link MixtureSprt}) rejects at any daily look (rate ≤ α by construction);</li>
 *   <li>the O'Brien–Fleming alpha-spending test rejects: the daily z against the Lan–DeMets boundary
 *       {@link GroupSequential#boundaries} for looks at t = d/days ({@link AlphaSpending#obrienFleming}; rate ≈ α,
 *       up to the normal approximation).</li>
 * </ul>
 */
public final class PeekingSimulation {

    /** The false-positive counts over {@code runs} A/A tests, with Wilson intervals on their rates. */
    public record Result(int runs, int days, long fixedHorizon, long naivePeeking, long sequential, long alphaSpending) {

        public Proportion fixedHorizonRate() {
            return new Proportion(fixedHorizon, runs);
        }

        public Proportion naivePeekingRate() {
            return new Proportion(naivePeeking, runs);
        }

        public Proportion sequentialRate() {
            return new Proportion(sequential, runs);
        }

        public Proportion alphaSpendingRate() {
            return new Proportion(alphaSpending, runs);
        }
    }

    private PeekingSimulation() {
    }

    /** Runs the simulation; every draw comes from {@code random}, so a seeded generator repeats it bit for bit. */
    public static Result run(double rate, int visitorsPerDay, int days, int runs, double alpha, double tau,
                             RandomGenerator random) {
        if (!(rate > 0 && rate < 1) || visitorsPerDay < 1 || days < 1 || runs < 1) {
            throw new IllegalArgumentException("a peeking simulation needs 0 < rate < 1 and at least one visitor, day and"
                    + " run, got rate " + rate + ", " + visitorsPerDay + " visitors/day, " + days + " days, " + runs + " runs");
        }
        double confidence = 1 - alpha;
        long fixed = 0;
        long naive = 0;
        long sequential = 0;
        long spending = 0;
        double[] boundary = GroupSequential.boundaries(dailyFractions(days), AlphaSpending.obrienFleming(alpha));
        for (int r = 0; r < runs; r++) {
            long x1 = 0;
            long x2 = 0;
            boolean naiveRejected = false;
            boolean sequentialRejected = false;
            boolean spendingRejected = false;
            MixtureSprt sprt = new MixtureSprt(tau);
            TwoProportionTest test = null;
            for (int d = 1; d <= days; d++) {
                x1 += conversions(rate, visitorsPerDay, random);
                x2 += conversions(rate, visitorsPerDay, random);
                Proportion control = new Proportion(x1, (long) d * visitorsPerDay);
                Proportion treatment = new Proportion(x2, (long) d * visitorsPerDay);
                test = TwoProportionTest.of(control, treatment, confidence);
                naiveRejected |= test.pValue() < alpha;
                sequentialRejected |= sprt.look(control, treatment) <= alpha;
                spendingRejected |= Math.abs(test.z()) >= boundary[d - 1];
            }
            fixed += test.pValue() < alpha ? 1 : 0;
            naive += naiveRejected ? 1 : 0;
            sequential += sequentialRejected ? 1 : 0;
            spending += spendingRejected ? 1 : 0;
        }
        return new Result(runs, days, fixed, naive, sequential, spending);
    }

    private static double[] dailyFractions(int days) {
        double[] t = new double[days];
        for (int d = 1; d <= days; d++) {
            t[d - 1] = (double) d / days;
        }
        return t;
    }

    private static long conversions(double rate, int visitors, RandomGenerator random) {
        long x = 0;
        for (int i = 0; i < visitors; i++) {
            x += random.nextDouble() < rate ? 1 : 0;
        }
        return x;
    }
}
