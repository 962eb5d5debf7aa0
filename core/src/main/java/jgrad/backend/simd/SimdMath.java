package jgrad.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * exp, expm1, tanh, sigmoid and log on float vectors, built only from exactly rounded lanewise
 * operations (add, sub, mul, div, fma, min, max, compare, blend, integer bit operations). Each of
 * those gives the same bits whether the Vector API runs its Java fallback (interpreter, C1) or a
 * C2 intrinsic, so these functions do too. The Vector API's own EXP, TANH, LOG and POW do not:
 * the fallback calls Math per lane, C2 calls Intel's SVML, and the two differ by an ulp here and
 * there, so one JVM gave different answers before and after warming up. Horizontal sums are
 * likewise fixed here ({@link #sumLanes}), since {@code reduceLanes(ADD)} leaves the order open.
 *
 * <p>Accuracy against StrictMath rounded to float (measured over 10⁷ arguments): exp ≤ 1 ulp,
 * log ≤ 1 ulp, tanh ≤ 2 ulp, sigmoid ≤ 2 ulp.
 */
final class SimdMath {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();

    /** Float nearest log₂e; the rounding to an integer k forgives its error. */
    private static final float LOG2E = 0x1.715476p0f;
    /** ln 2 = LN2_HI + LN2_LO to about 2⁻⁵³ (LN2_HI is ln 2 rounded to float, LN2_LO the float nearest the rest). */
    private static final float LN2_HI = 0x1.62e430p-1f;
    private static final float LN2_LO = -0x1.05c610p-29f;
    /** 1.5·2²³: adding it rounds any |t| &lt; 2²² to an integer, which then sits in the low bits. */
    private static final float ROUNDER = 0x1.8p23f;
    private static final int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER);

    private SimdMath() {
    }

    private static FloatVector c(float value) {
        return FloatVector.broadcast(S, value);
    }

    /**
     * eʳ − 1 for |r| ≤ ln2/2 ≈ 0.347: the Taylor series r + r²(1/2! + r/3! + … + r⁶/8!), Horner
     * form, coefficients 1/n! rounded to float. The first omitted term, r⁹/9!, is below 6·10⁻¹⁰·|r|
     * (0.01 ulp). Returned as r + r·(r·q) with one rounding in the fma, so it is accurate relative to
     * r, which expm1 near zero needs.
     */
    private static FloatVector em1(FloatVector r) {
        FloatVector q = r.fma(c(1f / 40320), c(1f / 5040));
        q = r.fma(q, c(1f / 720));
        q = r.fma(q, c(1f / 120));
        q = r.fma(q, c(1f / 24));
        q = r.fma(q, c(1f / 6));
        q = r.fma(q, c(0.5f));
        return r.fma(r.mul(q), r);
    }

    /** 2^k as a float, for integer k in [−126, 127]: the biased exponent shifted into place. */
    private static FloatVector pow2(IntVector k) {
        return k.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    }

    /**
     * eˣ = 2ᵏ·eʳ with k = round(x·log₂e) and r = x − k·ln2 (Cody–Waite: k·LN2_HI is subtracted
     * exactly by the fma, since r then fits in float; k·LN2_LO is a rounding-size correction).
     * x is clamped to [−110, 100] first, beyond which the float result is 0 or ∞ anyway, and NaN
     * passes through the clamp. 2ᵏ is applied as 2^⌊k/2⌋·2^(k−⌊k/2⌋), both factors normal, so that
     * results that overflow become ∞ and those in the subnormal range are rounded just once.
     */
    static FloatVector exp(FloatVector x) {
        x = x.max(-110f).min(100f);
        FloatVector t = x.fma(c(LOG2E), c(ROUNDER));
        FloatVector k = t.sub(ROUNDER);
        IntVector ki = t.reinterpretAsInts().sub(ROUNDER_BITS);
        FloatVector r = k.fma(c(-LN2_HI), x);
        r = k.fma(c(-LN2_LO), r);
        FloatVector p = em1(r).add(1f);
        IntVector k1 = ki.lanewise(VectorOperators.ASHR, 1);
        // pow2 written out: in a large caller (a softmax row) C2 stopped inlining it (NodeCountInliningCutoff), and
        // the call boxed its IntVector, about 40 bytes allocated per element
        FloatVector low = k1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector high = ki.sub(k1).add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        return p.mul(low).mul(high);
    }

    /**
     * eˣ − 1 for x in [0, 20] (what tanh needs): 2ᵏ·(eʳ − 1) + (2ᵏ − 1) with k, r as in {@link #exp}
     * and one rounding in the fma. For k = 0 this is em1(r) itself, accurate near zero.
     */
    private static FloatVector expm1Small(FloatVector x) {
        FloatVector t = x.fma(c(LOG2E), c(ROUNDER));
        FloatVector k = t.sub(ROUNDER);
        IntVector ki = t.reinterpretAsInts().sub(ROUNDER_BITS);
        FloatVector r = k.fma(c(-LN2_HI), x);
        r = k.fma(c(-LN2_LO), r);
        FloatVector s = pow2(ki);
        return s.fma(em1(r), s.sub(1f));
    }

    /**
     * tanh x = sign(x)·e/(e + 2) with e = e^(2|x|) − 1: no cancellation near 0 (e ≈ 2|x|) and no
     * overflow, as |x| is clamped to 10 first (tanh 10 rounds to 1 in float). The sign is copied
     * back bitwise, so −0 stays −0 and NaN stays NaN.
     */
    static FloatVector tanh(FloatVector x) {
        FloatVector a = x.abs().min(10f);
        FloatVector e = expm1Small(a.add(a));
        FloatVector t = e.div(e.add(2f));
        IntVector sign = x.reinterpretAsInts().and(Integer.MIN_VALUE);
        return t.reinterpretAsInts().or(sign).reinterpretAsFloats();
    }

    /*
     * The array forms below are for kernels that C2 may inline into a large caller. There it inlines
     * helpers only while its budget of nodes lasts, and a helper left out of line that takes or returns
     * a vector boxes it on every call: in some JMH forks the LSTM forward allocated 26 MB per sequence
     * batch in SimdElementwise's tanh loop, whose calls of SimdMath.tanh and of a one-line load helper
     * had stayed out of line. So each array form holds its whole loop, with tanh's, exp's and em1's steps
     * written out: only Vector API methods, which C2 always inlines, are called, and if the method
     * itself is left out of line only arrays cross the call. The operations are those of the vector
     * forms, in the same order, so the bits are theirs.
     */

    /**
     * o[oo + i] = e^(x[xo + i] − shift) for i in [0, n), any n (the last vector masked): {@link #exp(FloatVector)}
     * written out, the subtraction first. With {@code zeroAtMinusInfinity}, o is 0 wherever x is −∞ (a masked-out
     * attention key), whatever the shift, −∞ included.
     */
    static void exp(int n, float[] x, int xo, float shift, boolean zeroAtMinusInfinity, float[] o, int oo) {
        FloatVector vshift = FloatVector.broadcast(S, shift);
        FloatVector log2e = FloatVector.broadcast(S, LOG2E);
        FloatVector rounder = FloatVector.broadcast(S, ROUNDER);
        FloatVector ln2Hi = FloatVector.broadcast(S, -LN2_HI);
        FloatVector ln2Lo = FloatVector.broadcast(S, -LN2_LO);
        FloatVector i720 = FloatVector.broadcast(S, 1f / 720);
        FloatVector i120 = FloatVector.broadcast(S, 1f / 120);
        FloatVector i24 = FloatVector.broadcast(S, 1f / 24);
        FloatVector i6 = FloatVector.broadcast(S, 1f / 6);
        FloatVector half = FloatVector.broadcast(S, 0.5f);
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> in = S.indexInRange(i, n);
            FloatVector xv = FloatVector.fromArray(S, x, xo + i, in);
            FloatVector m = xv.sub(vshift).max(-110f).min(100f);
            FloatVector t = m.fma(log2e, rounder);
            FloatVector k = t.sub(ROUNDER);
            IntVector ki = t.reinterpretAsInts().sub(ROUNDER_BITS);
            FloatVector r = k.fma(ln2Hi, m);
            r = k.fma(ln2Lo, r);
            FloatVector q = r.fma(1f / 40320, 1f / 5040);
            q = r.fma(q, i720);
            q = r.fma(q, i120);
            q = r.fma(q, i24);
            q = r.fma(q, i6);
            q = r.fma(q, half);
            FloatVector p = r.fma(r.mul(q), r).add(1f);
            IntVector k1 = ki.lanewise(VectorOperators.ASHR, 1);
            FloatVector low = k1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector high = ki.sub(k1).add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector e = p.mul(low).mul(high);
            if (zeroAtMinusInfinity) {
                e = e.blend(0f, xv.eq(Float.NEGATIVE_INFINITY));
            }
            e.intoArray(o, oo + i, in);
        }
    }

    /** o[oo + i] = tanh(x[xo + i]) for i in [0, n), n a multiple of L: {@link #tanh(FloatVector)} written out. */
    static void tanh(int n, float[] x, int xo, float[] o, int oo) {
        FloatVector log2e = FloatVector.broadcast(S, LOG2E);
        FloatVector rounder = FloatVector.broadcast(S, ROUNDER);
        FloatVector ln2Hi = FloatVector.broadcast(S, -LN2_HI);
        FloatVector ln2Lo = FloatVector.broadcast(S, -LN2_LO);
        FloatVector i720 = FloatVector.broadcast(S, 1f / 720);
        FloatVector i120 = FloatVector.broadcast(S, 1f / 120);
        FloatVector i24 = FloatVector.broadcast(S, 1f / 24);
        FloatVector i6 = FloatVector.broadcast(S, 1f / 6);
        FloatVector half = FloatVector.broadcast(S, 0.5f);
        for (int i = 0; i < n; i += L) {
            FloatVector xv = FloatVector.fromArray(S, x, xo + i);
            FloatVector a = xv.abs().min(10f);
            FloatVector a2 = a.add(a);
            FloatVector t = a2.fma(log2e, rounder);
            FloatVector k = t.sub(ROUNDER);
            IntVector ki = t.reinterpretAsInts().sub(ROUNDER_BITS);
            FloatVector r = k.fma(ln2Hi, a2);
            r = k.fma(ln2Lo, r);
            FloatVector q = r.fma(1f / 40320, 1f / 5040);
            q = r.fma(q, i720);
            q = r.fma(q, i120);
            q = r.fma(q, i24);
            q = r.fma(q, i6);
            q = r.fma(q, half);
            FloatVector em1 = r.fma(r.mul(q), r);
            FloatVector s = ki.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector e = s.fma(em1, s.sub(1f));
            FloatVector th = e.div(e.add(2f));
            IntVector sign = xv.reinterpretAsInts().and(Integer.MIN_VALUE);
            th.reinterpretAsInts().or(sign).reinterpretAsFloats().intoArray(o, oo + i);
        }
    }

    /**
     * o[oo + i] = σ(x[xo + i]) for i in [0, n), n a multiple of L: σ(x) = 1/(1 + e) for x ≥ 0 and
     * e/(1 + e) for x &lt; 0, with e = e^(−|x|) ≤ 1 ({@link #exp} written out), so it never overflows.
     */
    static void sigmoid(int n, float[] x, int xo, float[] o, int oo) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector log2e = FloatVector.broadcast(S, LOG2E);
        FloatVector rounder = FloatVector.broadcast(S, ROUNDER);
        FloatVector ln2Hi = FloatVector.broadcast(S, -LN2_HI);
        FloatVector ln2Lo = FloatVector.broadcast(S, -LN2_LO);
        FloatVector i720 = FloatVector.broadcast(S, 1f / 720);
        FloatVector i120 = FloatVector.broadcast(S, 1f / 120);
        FloatVector i24 = FloatVector.broadcast(S, 1f / 24);
        FloatVector i6 = FloatVector.broadcast(S, 1f / 6);
        FloatVector half = FloatVector.broadcast(S, 0.5f);
        for (int i = 0; i < n; i += L) {
            FloatVector xv = FloatVector.fromArray(S, x, xo + i);
            FloatVector m = xv.abs().neg().max(-110f).min(100f);
            FloatVector t = m.fma(log2e, rounder);
            FloatVector k = t.sub(ROUNDER);
            IntVector ki = t.reinterpretAsInts().sub(ROUNDER_BITS);
            FloatVector r = k.fma(ln2Hi, m);
            r = k.fma(ln2Lo, r);
            FloatVector q = r.fma(1f / 40320, 1f / 5040);
            q = r.fma(q, i720);
            q = r.fma(q, i120);
            q = r.fma(q, i24);
            q = r.fma(q, i6);
            q = r.fma(q, half);
            FloatVector p = r.fma(r.mul(q), r).add(1f);
            IntVector k1 = ki.lanewise(VectorOperators.ASHR, 1);
            FloatVector low = k1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector high = ki.sub(k1).add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector e = p.mul(low).mul(high);
            FloatVector num = one.blend(e, xv.compare(VectorOperators.LT, 0f));
            num.div(e.add(1f)).intoArray(o, oo + i);
        }
    }

    /**
     * ln x = j·ln2 + ln m with x = 2ʲ·m, m in [√½, √2): adding 0x3f800000 − 0x3f3504f3 to the bits
     * of x carries mantissas from √2 upwards into the next exponent, and the mantissa bits plus
     * 0x3f3504f3 rebuild m. With f = m − 1 (exact) and s = f/(2 + f), ln m = 2 atanh s
     * = 2s + s·R, R = 2z/3 + 2z²/5 + 2z³/7 + 2z⁴/9 (z = s² ≤ 0.0295; the next term is below
     * 2·10⁻⁹ relative), and 2s = f − s·f gives ln m = f − s·(f − R), a small correction to the exact
     * f. Subnormal x are scaled by 2²³ first. ln 0 = −∞, ln of a negative number or NaN is NaN,
     * ln ∞ = ∞, as in Math.log. Over o[oo + i] = ln x[xo + i] for i in [0, n) by whole vectors (as the
     * elementwise kernels read): the loop body is the whole computation, so no vector crosses a call that C2 might
     * leave out of line and box (which SASRec's step did, in some JVMs, through a log taking a vector).
     */
    static void log(int n, float[] in, int xo, float[] o, int oo) {
        for (int i = 0; i < n; i += L) {
            FloatVector x = FloatVector.fromArray(S, in, xo + i);
            VectorMask<Float> tiny = x.compare(VectorOperators.LT, Float.MIN_NORMAL);
            FloatVector xs = x.blend(x.mul(0x1p23f), tiny);
            IntVector bits = xs.reinterpretAsInts().add(0x3f800000 - 0x3f3504f3);
            IntVector j = bits.lanewise(VectorOperators.ASHR, 23).sub(127);
            FloatVector m = bits.and(0x007fffff).add(0x3f3504f3).reinterpretAsFloats();
            FloatVector jf = ((FloatVector) j.convert(VectorOperators.I2F, 0))
                    .sub(FloatVector.zero(S).blend(23f, tiny));
            FloatVector f = m.sub(1f);
            FloatVector s = f.div(f.add(2f));
            FloatVector z = s.mul(s);
            FloatVector rr = z.fma(FloatVector.broadcast(S, 2f / 9), FloatVector.broadcast(S, 2f / 7));
            rr = z.fma(rr, FloatVector.broadcast(S, 2f / 5));
            rr = z.fma(rr, FloatVector.broadcast(S, 2f / 3)).mul(z);
            FloatVector lnm = f.sub(s.mul(f.sub(rr)));
            FloatVector y = jf.fma(FloatVector.broadcast(S, LN2_HI), jf.fma(FloatVector.broadcast(S, LN2_LO), lnm));
            y = y.blend(x, x.compare(VectorOperators.EQ, Float.POSITIVE_INFINITY).or(x.test(VectorOperators.IS_NAN)));
            y = y.blend(Float.NaN, x.compare(VectorOperators.LT, 0f));
            y.blend(Float.NEGATIVE_INFINITY, x.compare(VectorOperators.EQ, 0f)).intoArray(o, oo + i);
        }
    }

    /**
     * For each level h = L/2, L/4, …, 1 (at index log₂h) the shuffle that brings lane i + h to lane i,
     * so that one add folds the upper half of the lanes still in play onto the lower: the lanes of a vector
     * v summed in a fixed pairwise tree, {@code for (h = L/2; h > 0; h /= 2) v = v.add(v.rearrange(FOLD[log₂h]))},
     * then lane 0 (reduceLanes' order differs between C2 and the interpreter). Each kernel writes that loop
     * out where its accumulator lives instead of passing the vector to a helper: a helper C2 does not inline
     * receives a vector of unknown class, boxed, and runs every lanewise operation through its allocating
     * fallback (under {@code -XX:InlineSmallCode=200}, 3 MB per attention-pooling call from such a helper).
     */
    static final VectorShuffle<Float>[] FOLD = folds();

    @SuppressWarnings("unchecked")
    private static VectorShuffle<Float>[] folds() {
        VectorShuffle<Float>[] f = new VectorShuffle[Integer.numberOfTrailingZeros(L) + 1];
        for (int h = L / 2; h > 0; h /= 2) {
            f[Integer.numberOfTrailingZeros(h)] = VectorShuffle.iota(S, h, 1, true);
        }
        return f;
    }

    /**
     * {@link #FOLD}'s pairwise tree over lanes already stored in {@code lanes[0, L)} (which it overwrites),
     * in scalar code, for kernels that keep a buffer of lanes at hand: the same bits as the tree in registers.
     */
    static float sumLanes(float[] lanes) {
        for (int h = L / 2; h > 0; h /= 2) {
            for (int i = 0; i < h; i++) {
                lanes[i] += lanes[i + h];
            }
        }
        return lanes[0];
    }
}
