package jgrad.backend.simd;

import jgrad.random.ZigguratNormal;

/**
 * DP-SGD's Gaussian noise on float arrays: the scalar reference's draws, ZigguratNormal.gaussian(seed, index), two
 * from each Philox block. Counter-based, so a chunk of the array can be drawn on any thread with the same bits;
 * the work is Philox's rounds and a table lookup per draw, so this kernel gains by threads and by sharing blocks,
 * not by vector lanes.
 */
final class SimdNoise {

    private SimdNoise() {
    }

    /** a[aOff + i] += std · gaussian(seed, index + i) for i in [0, n), rounded once to float. */
    static void addGaussian(int n, long seed, long index, double std, float[] a, int aOff) {
        int i = 0;
        if (n > 0 && (index & 1) == 1) {                      // an odd start: the second draw of its block
            a[aOff] = (float) (a[aOff] + std * ZigguratNormal.gaussian(seed, index));
            i = 1;
        }
        int[] words = new int[4];
        double[] pair = new double[2];
        for (; i + 1 < n; i += 2) {
            ZigguratNormal.pair(seed, (index + i) >>> 1, words, pair);
            a[aOff + i] = (float) (a[aOff + i] + std * pair[0]);
            a[aOff + i + 1] = (float) (a[aOff + i + 1] + std * pair[1]);
        }
        if (i < n) {
            a[aOff + i] = (float) (a[aOff + i] + std * ZigguratNormal.gaussian(seed, index + i));
        }
    }
}
