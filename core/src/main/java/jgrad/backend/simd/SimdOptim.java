package jgrad.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import jgrad.backend.AdamStep;

/**
 * Optimizer updates on float arrays. Every lane does the scalar reference's float operations in the
 * same order (multiply, add, divide and square root are exactly rounded, and no fused multiply-add is
 * used), so the results equal the scalar backend's bit for bit.
 */
final class SimdOptim {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private SimdOptim() {
    }

    /** The rule of {@link AdamStep} on n floats; a masked tail instead of a scalar loop. */
    static void adam(int n, float[] w, int wOff, float[] m, float[] v, float[] g, int gOff, AdamStep s) {
        float b1 = (float) s.beta1(), a1 = (float) (1 - s.beta1());
        float b2 = (float) s.beta2(), a2 = (float) (1 - s.beta2());
        float lr = (float) s.lr(), c1 = (float) s.c1(), c2 = (float) s.c2(), eps = (float) s.epsilon();
        for (int i = 0; i < n; i += S.length()) {
            VectorMask<Float> k = S.indexInRange(i, n);
            int p = wOff + i;
            FloatVector gi = FloatVector.fromArray(S, g, gOff + i, k);
            FloatVector mi = FloatVector.fromArray(S, m, p, k).mul(b1).add(gi.mul(a1));
            FloatVector vi = FloatVector.fromArray(S, v, p, k).mul(b2).add(gi.mul(a2).mul(gi));
            mi.intoArray(m, p, k);
            vi.intoArray(v, p, k);
            FloatVector step = mi.div(c1).mul(lr).div(vi.div(c2).sqrt().add(eps));
            FloatVector.fromArray(S, w, p, k).sub(step).intoArray(w, p, k);
        }
    }
}
