package jgrad.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import jgrad.random.Philox;

/**
 * Dropout masks on float arrays with the scalar reference's bits ({@link Philox#dropoutKeeps}): one
 * Philox-4x32-10 block per element, its rounds computed for as many elements at once as a vector has 64-bit
 * lanes. Each 32-bit word sits in a 64-bit lane, so that a round's 32 × 32 → 64-bit products are exact lane
 * products, and hi/lo are a shift and a mask. Element i is kept iff (x₀ >>> 8) · 2⁻²⁴ ≥ p, that is iff the
 * integer x₀ >>> 8 ≥ ⌈p · 2²⁴⌉ (p · 2²⁴ is exact in double). The elements a vector does not fill take the
 * scalar rule.
 */
final class SimdDropout {

    private static final VectorSpecies<Long> W = LongVector.SPECIES_PREFERRED;
    /** Floats as many as W has lanes, to store one vector of results. */
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class, VectorShape.forBitSize(W.length() * 32));
    private static final long MASK = 0xFFFF_FFFFL;
    private static final long M0 = Philox.M0 & MASK;
    private static final long M1 = Philox.M1 & MASK;

    private SimdDropout() {
    }

    /** a[aOff + i] = dropoutKeeps(seed, index + i, p) ? 1 / (1 − p) : 0 for i in [0, n), rounded to float. */
    static void mask(int n, long seed, long index, double p, float[] a, int aOff) {
        float keep = (float) (1 / (1 - p));
        long threshold = (long) Math.ceil(p * 0x1p24);
        LongVector lanes = LongVector.zero(W).addIndex(1);
        LongVector m0 = LongVector.broadcast(W, M0);
        LongVector m1 = LongVector.broadcast(W, M1);
        int i = 0;
        for (int bound = W.loopBound(n); i < bound; i += W.length()) {
            // x₀ of Philox-4x32-10 at counter (lo32(c), hi32(c), 0, 0) under key (lo32(seed), hi32(seed)), per
            // lane. The rounds stay in this loop: a helper taking or returning a vector may be left out of line by
            // C2, and then every vector it passes is boxed (a quarter of GRU4Rec's garbage when it was one).
            LongVector counter = lanes.add(index + i);
            LongVector x0 = counter.and(MASK);
            LongVector x1 = counter.lanewise(VectorOperators.LSHR, 32);
            LongVector x2 = LongVector.zero(W);
            LongVector x3 = LongVector.zero(W);
            long k0 = seed & MASK;
            long k1 = seed >>> 32;
            for (int r = 0; r < Philox.ROUNDS; r++) {
                if (r > 0) {
                    k0 = (k0 + (Philox.W0 & MASK)) & MASK;
                    k1 = (k1 + (Philox.W1 & MASK)) & MASK;
                }
                // Both factors are below 2³² already; masking both lets C2 use one 32 × 32 → 64-bit multiply
                // (vpmuludq) instead of a full 64-bit one: about a fifth off a mask
                LongVector p0 = x0.and(MASK).mul(m0.and(MASK));
                LongVector p1 = x2.and(MASK).mul(m1.and(MASK));
                x0 = p1.lanewise(VectorOperators.LSHR, 32).lanewise(VectorOperators.XOR, x1)
                        .lanewise(VectorOperators.XOR, k0);
                x1 = p1.and(MASK);
                x2 = p0.lanewise(VectorOperators.LSHR, 32).lanewise(VectorOperators.XOR, x3)
                        .lanewise(VectorOperators.XOR, k1);
                x3 = p0.and(MASK);
            }
            VectorMask<Long> kept = x0.lanewise(VectorOperators.LSHR, 8).compare(VectorOperators.GE, threshold);
            FloatVector.broadcast(F, keep).blend(0f, kept.cast(F).not()).intoArray(a, aOff + i);
        }
        for (; i < n; i++) {
            a[aOff + i] = Philox.dropoutKeeps(seed, index + i, p) ? keep : 0f;
        }
    }
}
