package jgrad.privacy.dp;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import jgrad.tensor.Tensor;

/**
 * The Gaussian mechanism of one DP-SGD step and its bookkeeping, shared by the DP-SGD trainers: a clipped sum
 * S = Σᵢ gᵢ·min(1, C/‖gᵢ‖) becomes (S + N(0, σ²C² I)) / (qN), the noisy mean over the expected batch qN; every
 * step is one Poisson-subsampled Gaussian mechanism for the {@link RdpAccountant}. The noise is Philox draws
 * (seed, running offset), so a seed gives the same bits on every device.
 */
final class NoisyMean {

    final double clipNorm;
    final double noiseMultiplier;
    final double sampleRate;
    final int datasetSize;
    private final long seed;
    private final RdpAccountant accountant = new RdpAccountant();
    private long noiseOffset;
    private long steps;

    NoisyMean(double clipNorm, double noiseMultiplier, double sampleRate, int datasetSize, long seed) {
        if (!(clipNorm > 0) || Double.isInfinite(clipNorm)) {
            throw new IllegalArgumentException("the clip norm C must be positive and finite, got " + clipNorm);
        }
        if (!(noiseMultiplier >= 0) || Double.isInfinite(noiseMultiplier)) {
            throw new IllegalArgumentException("the noise multiplier σ must be ≥ 0 and finite, got " + noiseMultiplier);
        }
        if (!(sampleRate > 0 && sampleRate <= 1)) {
            throw new IllegalArgumentException("the sample rate q must be in (0, 1], got " + sampleRate);
        }
        if (datasetSize < 1) {
            throw new IllegalArgumentException("DP-SGD needs at least one training example, got " + datasetSize);
        }
        this.clipNorm = clipNorm;
        this.noiseMultiplier = noiseMultiplier;
        this.sampleRate = sampleRate;
        this.datasetSize = datasetSize;
        this.seed = seed;
    }

    /** (sum + N(0, σ²C²)) / (qN), contiguous, on sum's device; {@code sum} itself may be overwritten. */
    Tensor privatize(Tensor sum) {
        Tensor g = sum.contiguous();
        if (noiseMultiplier > 0) {
            g.backend().addGaussian(g.numel(), seed, noiseOffset, noiseMultiplier * clipNorm, g.storage(), g.offset());
            noiseOffset += g.numel();
        }
        return g.mul(1 / (sampleRate * datasetSize));
    }

    /** Counts one step: one more composition of the subsampled Gaussian mechanism. */
    void stepTaken() {
        steps++;
        if (noiseMultiplier > 0) {
            accountant.step(sampleRate, noiseMultiplier, 1);
        }
    }

    long steps() {
        return steps;
    }

    /** Steps in one epoch: round(1/q), at least one. */
    long stepsPerEpoch() {
        return Math.max(1, Math.round(1 / sampleRate));
    }

    /** The privacy spent so far at {@code delta}: ε is infinite when σ = 0. */
    RdpAccountant.Spent spent(double delta) {
        if (noiseMultiplier == 0) {
            return new RdpAccountant.Spent(Double.POSITIVE_INFINITY, Double.NaN);
        }
        return accountant.spent(delta);
    }

    /**
     * A Poisson sample of example indices: each of the N examples independently with probability q. Drawn by its
     * gaps, which are geometric: P(gap = k) = (1 − q)^k q, so ⌊ln U / ln(1 − q)⌋ for U uniform in (0, 1] — about qN
     * draws instead of N.
     */
    int[] sampleBatch(RandomGenerator random) {
        if (sampleRate >= 1) {
            int[] all = new int[datasetSize];
            Arrays.setAll(all, i -> i);
            return all;
        }
        double logKeep = StrictMath.log1p(-sampleRate);
        int[] picked = new int[Math.min(datasetSize, 16)];
        int n = 0;
        long index = -1;
        while (true) {
            double u = 1 - random.nextDouble();
            index += 1 + (long) Math.floor(StrictMath.log(u) / logKeep);
            if (index >= datasetSize) {
                return Arrays.copyOf(picked, n);
            }
            if (n == picked.length) {
                picked = Arrays.copyOf(picked, Math.min(datasetSize, 2 * n));
            }
            picked[n++] = (int) index;
        }
    }

    /** min(1, C/‖gᵢ‖) per example from the squared norms ‖gᵢ‖² [B], by the backend's {@code clipFactors}. */
    Tensor clipFactors(Tensor squaredNorms) {
        Tensor s = squaredNorms.contiguous();
        Tensor factors = Tensor.zeros(s.device(), s.dtype(), s.shape());
        s.backend().clipFactors(s.numel(), s.storage(), s.offset(), clipNorm, factors.storage(), factors.offset());
        return factors;
    }

    /** Sets {@code grad} as the only gradient of {@code param} (dense, in param's shape). */
    static void setGrad(Tensor param, Tensor grad) {
        param.zeroGrad();
        param.accumulateGrad(grad.reshape(param.shape()), true);
    }
}
