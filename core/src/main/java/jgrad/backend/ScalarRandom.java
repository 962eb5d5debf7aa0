package jgrad.backend;

import jgrad.random.Philox;
import jgrad.random.ZigguratNormal;

/**
 * The reference loops of the counter-based draws ({@link RandomKernels}): one draw per element, from
 * {@link Philox} and {@link ZigguratNormal}.
 */
final class ScalarRandom {

    private ScalarRandom() {
    }

    /** The reference of {@link Backend#dropoutMask}. */
    static void dropoutMask(int n, long seed, long offset, double p, Storage out, int outOff) {
        double keep = 1 / (1 - p);
        for (int i = 0; i < n; i++) {
            out.set(outOff + i, Philox.dropoutKeeps(seed, offset + i, p) ? keep : 0);
        }
    }

    /** The reference of {@link Backend#addGaussian}. */
    static void addGaussian(int n, long seed, long offset, double std, Storage out, int outOff) {
        for (int i = 0; i < n; i++) {
            out.set(outOff + i, out.get(outOff + i) + std * ZigguratNormal.gaussian(seed, offset + i));
        }
    }
}
