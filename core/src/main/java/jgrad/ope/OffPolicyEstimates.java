package jgrad.ope;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import jgrad.abtest.Interval;

/**
 * A target policy's value estimated from a {@link BanditLog} by each {@link Estimator}. The target's
 * probabilities and the reward model's predictions are computed once per round; the bootstrap resamples rounds
 * with the reward model held fixed (as the Open Bandit Pipeline does).
 */
public final class OffPolicyEstimates {

    private final double[] rewards;
    private final double[] weights;        // wᵢ = π_e(aᵢ|xᵢ) / π₀(aᵢ|xᵢ)
    private final double[] residuals;      // rᵢ − q̂(xᵢ, aᵢ)
    private final double[] modelValues;    // Σ_a π_e(a|xᵢ) q̂(xᵢ, a)
    private final boolean[] matches;       // aᵢ is the target's most probable action

    /** {@code model} may be null when only REPLAY, IPS and SNIPS are asked for. */
    public OffPolicyEstimates(BanditLog log, StochasticPolicy target, RewardModel model) {
        int n = log.size();
        rewards = log.rewards().clone();
        weights = new double[n];
        residuals = new double[n];
        modelValues = new double[n];
        matches = new boolean[n];
        for (int i = 0; i < n; i++) {
            double[] pi = target.probabilities(log.contexts()[i]);
            if (pi.length != log.actions()) {
                throw new IllegalArgumentException("the target policy gives " + pi.length + " probabilities for a log of "
                        + log.actions() + " actions");
            }
            int a = log.actionsTaken()[i];
            weights[i] = pi[a] / log.propensities()[i];
            matches[i] = argmax(pi) == a;
            if (model != null) {
                double[] q = model.predict(log.contexts()[i]);
                residuals[i] = rewards[i] - q[a];
                for (int b = 0; b < q.length; b++) {
                    modelValues[i] += pi[b] * q[b];
                }
            } else {
                residuals[i] = Double.NaN;
                modelValues[i] = Double.NaN;
            }
        }
    }

    /** The estimate on the whole log. */
    public double estimate(Estimator estimator) {
        int[] all = new int[rewards.length];
        Arrays.setAll(all, i -> i);
        return estimate(estimator, all);
    }

    /** The estimate on the rounds {@code rows} (repeats allowed). NaN for replay when no round matches. */
    public double estimate(Estimator estimator, int[] rows) {
        double sumW = 0;
        double sumWR = 0;
        double sumWResidual = 0;
        double sumModel = 0;
        double replaySum = 0;
        int replayCount = 0;
        for (int i : rows) {
            sumW += weights[i];
            sumWR += weights[i] * rewards[i];
            sumWResidual += weights[i] * residuals[i];
            sumModel += modelValues[i];
            if (matches[i]) {
                replaySum += rewards[i];
                replayCount++;
            }
        }
        double n = rows.length;
        return switch (estimator) {
            case REPLAY -> replayCount == 0 ? Double.NaN : replaySum / replayCount;
            case IPS -> sumWR / n;
            case SNIPS -> sumWR / sumW;
            case DM -> sumModel / n;
            case DR -> sumModel / n + sumWResidual / n;
            case SNDR -> sumModel / n + sumWResidual / sumW;
        };
    }

    /** The percentile bootstrap interval of an estimate over {@code resamples} resamples of the rounds. */
    public Interval bootstrap(Estimator estimator, int resamples, double confidence, RandomGenerator random) {
        if (resamples < 2 || !(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("a bootstrap needs at least 2 resamples and a confidence in (0, 1), got "
                    + resamples + " and " + confidence);
        }
        double[] values = new double[resamples];
        int[] rows = new int[rewards.length];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < rows.length; i++) {
                rows[i] = random.nextInt(rows.length);
            }
            values[b] = estimate(estimator, rows);
        }
        Arrays.sort(values);
        double tail = (1 - confidence) / 2;
        return new Interval(quantile(values, tail), quantile(values, 1 - tail));
    }

    /** Linear interpolation between order statistics (NumPy's default). */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int lo = (int) Math.floor(position);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (position - lo) * (sorted[hi] - sorted[lo]);
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
