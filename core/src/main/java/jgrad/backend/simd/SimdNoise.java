package jgrad.backend.simd;

import jgrad.random.Philox;

/**
 * DP-SGD's Gaussian noise on float arrays. The draws are the scalar reference's, Philox.gaussian(seed, index) —
 * counter-based, so a chunk of the array can be drawn on any thread with the same bits. The work is the
 * transcendental functions (StrictMath's log and cos, for bits that agree on every JVM), so this kernel gains by
 * threads rather than vector lanes.
 */
final class SimdNoise {

    private SimdNoise() {
    }

    /** a[aOff + i] += std · gaussian(seed, index + i) for i in [0, n), rounded once to float. */
    static void addGaussian(int n, long seed, long index, double std, float[] a, int aOff) {
        for (int i = 0; i < n; i++) {
            a[aOff + i] = (float) (a[aOff + i] + std * Philox.gaussian(seed, index + i));
        }
    }
}
