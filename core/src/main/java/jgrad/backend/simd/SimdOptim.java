package jgrad.backend.simd;

import static jdk.incubator.vector.VectorOperators.D2F;
import static jdk.incubator.vector.VectorOperators.F2D;

import java.util.Arrays;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import jgrad.backend.AdamStep;
import jgrad.backend.SgdStep;

/**
 * Optimizer updates on float arrays. Every lane does the scalar reference's operations in the same
 * order and precision (multiply, add, divide and square root are exactly rounded, and no fused
 * multiply-add is used), so the results equal the scalar backend's bit for bit. Adam computes in float,
 * as the reference does; the other rules compute in double, as the reference does: their lanes widen
 * the floats to double on load ({@link #D} lanes at a time) and round them back on store.
 */
final class SimdOptim {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** The preferred double species, and the float species of as many lanes (half its width). */
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class,
            VectorShape.forBitSize(D.vectorBitSize() / 2));

    /** The upper half of the lanes of {@link #S}. */
    private static final VectorMask<Float> UPPER_HALF = S.indexInRange(-S.length() / 2, S.length() / 2);
    /** Floats per vector of {@link #adam}. */
    static final int LANES = S.length();

    private SimdOptim() {
    }

    /*
     * The entry points of the backend: each rule over [0, n), in one chunk per thread when n repays the hand-off
     * (SimdChunks), else straight on the calling thread. The rules are elementwise, so the cut changes no bit.
     */

    /** {@link #adam} over [0, n), split across threads when n is large. */
    static void adamInChunks(int n, float[] w, int wOff, float[] m, float[] v, float[] g, int gOff, AdamStep step) {
        if (SimdChunks.oneChunk(n, SimdChunks.OPTIM_GRAIN)) {
            adam(n, w, wOff, m, v, g, gOff, step);
        } else {
            SimdChunks.inChunks(n, SimdChunks.OPTIM_GRAIN, (off, len) -> adam(len, w, wOff + off, m, v, g,
                    gOff + off, step));
        }
    }

    /** {@link #adamRows} over the rows [0, rows), split across threads when the rows are work enough. */
    static void adamRowsInChunks(int rows, int rowLen, float[] w, int wOff, float[] m, float[] v, int[] ids, int count,
                                 float[] g, int gOff, AdamStep step) {
        int rowGrain = Math.max(1, SimdChunks.ADAM_ROWS_GRAIN / Math.max(1, rowLen));
        if (SimdChunks.oneChunk(rows, rowGrain)) {
            adamRows(0, rows, rowLen, w, wOff, m, v, ids, count, g, gOff, step);
        } else {
            SimdChunks.inChunks(rows, rowGrain, (from, chunk) -> adamRows(from, from + chunk, rowLen, w, wOff,
                    m, v, ids, count, g, gOff, step));
        }
    }

    /** {@link #sgd} over [0, n), split across threads when n is large; b is null without momentum. */
    static void sgdInChunks(int n, float[] w, int wOff, float[] b, float[] g, int gOff, SgdStep step) {
        if (SimdChunks.oneChunk(n, SimdChunks.PARALLEL_ELEMENTS)) {
            sgd(n, w, wOff, b, g, gOff, step);
        } else {
            SimdChunks.inChunks(n, SimdChunks.PARALLEL_ELEMENTS, (off, len) -> sgd(len, w, wOff + off, b, g, gOff + off,
                    step));
        }
    }

    /** {@link #adagrad} over [0, n), split across threads when n is large. */
    static void adagradInChunks(int n, float[] w, int wOff, float[] s, float[] g, int gOff, double lr, double epsilon) {
        if (SimdChunks.oneChunk(n, SimdChunks.OPTIM_GRAIN)) {
            adagrad(n, w, wOff, s, g, gOff, lr, epsilon);
        } else {
            SimdChunks.inChunks(n, SimdChunks.OPTIM_GRAIN, (off, len) -> adagrad(len, w, wOff + off, s, g, gOff + off,
                    lr, epsilon));
        }
    }

    /** {@link #rmsprop} over [0, n), split across threads when n is large. */
    static void rmspropInChunks(int n, float[] w, int wOff, float[] v, float[] g, int gOff, double lr, double rho,
                                double epsilon) {
        if (SimdChunks.oneChunk(n, SimdChunks.OPTIM_GRAIN)) {
            rmsprop(n, w, wOff, v, g, gOff, lr, rho, epsilon);
        } else {
            SimdChunks.inChunks(n, SimdChunks.OPTIM_GRAIN, (off, len) -> rmsprop(len, w, wOff + off, v, g, gOff + off,
                    lr, rho, epsilon));
        }
    }

    /** {@link #adadelta} over [0, n), split across threads when n is large. */
    static void adadeltaInChunks(int n, float[] w, int wOff, float[] s, float[] u, float[] g, int gOff, double lr,
                                 double rho, double epsilon) {
        if (SimdChunks.oneChunk(n, SimdChunks.OPTIM_GRAIN)) {
            adadelta(n, w, wOff, s, u, g, gOff, lr, rho, epsilon);
        } else {
            SimdChunks.inChunks(n, SimdChunks.OPTIM_GRAIN, (off, len) -> adadelta(len, w, wOff + off, s, u, g,
                    gOff + off, lr, rho, epsilon));
        }
    }

    /** {@link #penaltyGradient} over [0, n), split across threads when n is large. */
    static void penaltyGradientInChunks(int n, float[] w, int wOff, float[] g, int gOff, float[] out, int outOff,
                                        double l1, double l2) {
        if (SimdChunks.oneChunk(n, SimdChunks.PARALLEL_ELEMENTS)) {
            penaltyGradient(n, w, wOff, g, gOff, out, outOff, l1, l2);
        } else {
            SimdChunks.inChunks(n, SimdChunks.PARALLEL_ELEMENTS, (off, len) -> penaltyGradient(len, w, wOff + off, g,
                    gOff + off, out, outOff + off, l1, l2));
        }
    }

    /** {@link #scale} over [0, n), split across threads when n is large. */
    static void scaleInChunks(int n, float[] x, int xOff, double factor) {
        if (SimdChunks.oneChunk(n, SimdChunks.PARALLEL_ELEMENTS)) {
            scale(n, x, xOff, factor);
        } else {
            SimdChunks.inChunks(n, SimdChunks.PARALLEL_ELEMENTS, (off, len) -> scale(len, x, xOff + off, factor));
        }
    }

    /**
     * The rule of {@link AdamStep} on n floats: whole vectors, then one masked vector for the tail (masked loads
     * and stores cost more where there is no AVX-512, so only the tail takes them). The two loops repeat their
     * lanes' arithmetic: a vector passed to a method the JIT does not inline is boxed, an allocation per call.
     */
    static void adam(int n, float[] w, int wOff, float[] m, float[] v, float[] g, int gOff, AdamStep s) {
        float b1 = (float) s.beta1(), a1 = (float) (1 - s.beta1());
        float b2 = (float) s.beta2(), a2 = (float) (1 - s.beta2());
        float step = (float) s.stepSize(), r = (float) s.rootScale(), eps = (float) s.epsilon();
        int whole = S.loopBound(n);
        for (int i = 0; i < whole; i += S.length()) {
            int p = wOff + i;
            FloatVector gi = FloatVector.fromArray(S, g, gOff + i);
            FloatVector mi = FloatVector.fromArray(S, m, p).mul(b1).add(gi.mul(a1));
            FloatVector vi = FloatVector.fromArray(S, v, p).mul(b2).add(gi.mul(a2).mul(gi));
            mi = mi.blend(0f, mi.abs().lt(Float.MIN_NORMAL));      // subnormal moments flushed, as AdamStep says
            vi = vi.blend(0f, vi.abs().lt(Float.MIN_NORMAL));
            mi.intoArray(m, p);
            vi.intoArray(v, p);
            FloatVector delta = mi.mul(step).div(vi.sqrt().mul(r).add(eps));
            FloatVector.fromArray(S, w, p).sub(delta).intoArray(w, p);
        }
        if (whole < n) {
            VectorMask<Float> k = S.indexInRange(whole, n);
            int p = wOff + whole;
            FloatVector gi = FloatVector.fromArray(S, g, gOff + whole, k);
            FloatVector mi = FloatVector.fromArray(S, m, p, k).mul(b1).add(gi.mul(a1));
            FloatVector vi = FloatVector.fromArray(S, v, p, k).mul(b2).add(gi.mul(a2).mul(gi));
            mi = mi.blend(0f, mi.abs().lt(Float.MIN_NORMAL));
            vi = vi.blend(0f, vi.abs().lt(Float.MIN_NORMAL));
            mi.intoArray(m, p, k);
            vi.intoArray(v, p, k);
            FloatVector delta = mi.mul(step).div(vi.sqrt().mul(r).add(eps));
            FloatVector.fromArray(S, w, p, k).sub(delta).intoArray(w, p, k);
        }
    }

    /**
     * {@link #adam} with g = 0 on n floats: m ← β₁·m, v ← β₂·v, the same weight step. The same bits as adam over a
     * zero gradient (x + 0 is x except for −0, and a −0 moment is flushed to +0 either way), without reading it.
     */
    static void adamWithoutGradient(int n, float[] w, int wOff, float[] m, float[] v, AdamStep s) {
        float b1 = (float) s.beta1(), b2 = (float) s.beta2();
        float step = (float) s.stepSize(), r = (float) s.rootScale(), eps = (float) s.epsilon();
        int whole = S.loopBound(n);
        for (int i = 0; i < whole; i += S.length()) {
            int p = wOff + i;
            FloatVector mi = FloatVector.fromArray(S, m, p).mul(b1);
            FloatVector vi = FloatVector.fromArray(S, v, p).mul(b2);
            mi = mi.blend(0f, mi.abs().lt(Float.MIN_NORMAL));
            vi = vi.blend(0f, vi.abs().lt(Float.MIN_NORMAL));
            mi.intoArray(m, p);
            vi.intoArray(v, p);
            FloatVector delta = mi.mul(step).div(vi.sqrt().mul(r).add(eps));
            FloatVector.fromArray(S, w, p).sub(delta).intoArray(w, p);
        }
        if (whole < n) {
            VectorMask<Float> k = S.indexInRange(whole, n);
            int p = wOff + whole;
            FloatVector mi = FloatVector.fromArray(S, m, p, k).mul(b1);
            FloatVector vi = FloatVector.fromArray(S, v, p, k).mul(b2);
            mi = mi.blend(0f, mi.abs().lt(Float.MIN_NORMAL));
            vi = vi.blend(0f, vi.abs().lt(Float.MIN_NORMAL));
            mi.intoArray(m, p, k);
            vi.intoArray(v, p, k);
            FloatVector delta = mi.mul(step).div(vi.sqrt().mul(r).add(eps));
            FloatVector.fromArray(S, w, p, k).sub(delta).intoArray(w, p, k);
        }
    }

    /**
     * Rows [from, to) of the exact row-sparse Adam step ({@code Backend.adamRows}): the looked-up rows (ids
     * ascending) with their gradient rows, each run of rows between them in one pass without a gradient.
     */
    static void adamRows(int from, int to, int rowLen, float[] w, int wOff, float[] m, float[] v, int[] ids,
                         int count, float[] g, int gOff, AdamStep s) {
        int k = Arrays.binarySearch(ids, 0, count, from);
        k = k >= 0 ? k : -k - 1;                                 // the first looked-up row at or after from
        int r = from;
        for (; k < count && ids[k] < to; k++) {
            int id = ids[k];
            if (id > r) {
                adamWithoutGradient((id - r) * rowLen, w, wOff + r * rowLen, m, v, s);
            }
            adam(rowLen, w, wOff + id * rowLen, m, v, g, gOff + k * rowLen, s);
            r = id + 1;
        }
        if (r < to) {
            adamWithoutGradient((to - r) * rowLen, w, wOff + r * rowLen, m, v, s);
        }
    }

    /*
     * The rules below compute in double: each lane's floats are widened on load (F2D, exact) and rounded back on
     * store (D2F, to nearest as a Java cast). The loads and stores are written out in every loop, not put in
     * helpers: a helper taking or returning a DoubleVector that C2 compiles on its own sees an abstract vector
     * type and boxes it. These rules still convert through the half-width species F, which {@link #scale} no
     * longer does (see there): in one slow JMH fork C2 compiled such a conversion without its intrinsic.
     */

    /** The rule of {@link SgdStep}: b ← μ·b + g; d = g + μ·b or b (g without momentum); w ← w − lr·d. */
    static void sgd(int n, float[] w, int wOff, float[] b, float[] g, int gOff, SgdStep s) {
        double lr = s.lr(), mu = s.momentum();
        for (int i = 0; i < n; i += F.length()) {
            VectorMask<Float> k = F.indexInRange(i, n);
            int p = wOff + i;
            DoubleVector d = (DoubleVector) FloatVector.fromArray(F, g, gOff + i, k).convertShape(F2D, D, 0);
            if (s.hasMomentum()) {
                DoubleVector bi = ((DoubleVector) FloatVector.fromArray(F, b, p, k).convertShape(F2D, D, 0))
                        .mul(mu).add(d);
                bi.convertShape(D2F, F, 0).reinterpretAsFloats().intoArray(b, p, k);
                d = s.nesterov() ? d.add(bi.mul(mu)) : bi;   // the unrounded b, as the reference
            }
            ((DoubleVector) FloatVector.fromArray(F, w, p, k).convertShape(F2D, D, 0)).sub(d.mul(lr))
                    .convertShape(D2F, F, 0).reinterpretAsFloats().intoArray(w, p, k);
        }
    }

    /** Adagrad: s ← s + g·g; w ← w − (lr·g) / (√s + ε). */
    static void adagrad(int n, float[] w, int wOff, float[] acc, float[] g, int gOff, double lr, double eps) {
        for (int i = 0; i < n; i += F.length()) {
            VectorMask<Float> k = F.indexInRange(i, n);
            int p = wOff + i;
            DoubleVector gi = (DoubleVector) FloatVector.fromArray(F, g, gOff + i, k).convertShape(F2D, D, 0);
            DoubleVector si = ((DoubleVector) FloatVector.fromArray(F, acc, p, k).convertShape(F2D, D, 0))
                    .add(gi.mul(gi));
            si.convertShape(D2F, F, 0).reinterpretAsFloats().intoArray(acc, p, k);
            ((DoubleVector) FloatVector.fromArray(F, w, p, k).convertShape(F2D, D, 0))
                    .sub(gi.mul(lr).div(si.sqrt().add(eps)))
                    .convertShape(D2F, F, 0).reinterpretAsFloats().intoArray(w, p, k);
        }
    }

    /** RMSprop: v ← ρ·v + ((1 − ρ)·g)·g; w ← w − (lr·g) / (√v + ε). */
    static void rmsprop(int n, float[] w, int wOff, float[] v, float[] g, int gOff, double lr, double rho,
                        double eps) {
        double a = 1 - rho;
        for (int i = 0; i < n; i += F.length()) {
            VectorMask<Float> k = F.indexInRange(i, n);
            int p = wOff + i;
            DoubleVector gi = (DoubleVector) FloatVector.fromArray(F, g, gOff + i, k).convertShape(F2D, D, 0);
            DoubleVector vi = ((DoubleVector) FloatVector.fromArray(F, v, p, k).convertShape(F2D, D, 0))
                    .mul(rho).add(gi.mul(a).mul(gi));
            vi.convertShape(D2F, F, 0).reinterpretAsFloats().intoArray(v, p, k);
            ((DoubleVector) FloatVector.fromArray(F, w, p, k).convertShape(F2D, D, 0))
                    .sub(gi.mul(lr).div(vi.sqrt().add(eps)))
                    .convertShape(D2F, F, 0).reinterpretAsFloats().intoArray(w, p, k);
        }
    }

    /** Adadelta: s ← ρ·s + ((1 − ρ)·g)·g; d ← (√(u + ε) / √(s + ε))·g; u ← ρ·u + ((1 − ρ)·d)·d; w ← w − lr·d. */
    static void adadelta(int n, float[] w, int wOff, float[] s, float[] u, float[] g, int gOff, double lr, double rho,
                         double eps) {
        double a = 1 - rho;
        for (int i = 0; i < n; i += F.length()) {
            VectorMask<Float> k = F.indexInRange(i, n);
            int p = wOff + i;
            DoubleVector gi = (DoubleVector) FloatVector.fromArray(F, g, gOff + i, k).convertShape(F2D, D, 0);
            DoubleVector si = ((DoubleVector) FloatVector.fromArray(F, s, p, k).convertShape(F2D, D, 0))
                    .mul(rho).add(gi.mul(a).mul(gi));
            si.convertShape(D2F, F, 0).reinterpretAsFloats().intoArray(s, p, k);
            DoubleVector ui = (DoubleVector) FloatVector.fromArray(F, u, p, k).convertShape(F2D, D, 0);
            DoubleVector d = ui.add(eps).sqrt().div(si.add(eps).sqrt()).mul(gi);
            ui.mul(rho).add(d.mul(a).mul(d)).convertShape(D2F, F, 0).reinterpretAsFloats().intoArray(u, p, k);
            ((DoubleVector) FloatVector.fromArray(F, w, p, k).convertShape(F2D, D, 0)).sub(d.mul(lr))
                    .convertShape(D2F, F, 0).reinterpretAsFloats().intoArray(w, p, k);
        }
    }

    /** out = g + (l1·sign(w) + (2·l2)·w), with Math.signum's sign: ±0 and NaN are their own sign. */
    static void penaltyGradient(int n, float[] w, int wOff, float[] g, int gOff, float[] out, int outOff,
                                double l1, double l2) {
        double twoL2 = 2 * l2;
        for (int i = 0; i < n; i += F.length()) {
            VectorMask<Float> k = F.indexInRange(i, n);
            DoubleVector wi = (DoubleVector) FloatVector.fromArray(F, w, wOff + i, k).convertShape(F2D, D, 0);
            DoubleVector sign = wi.blend(1, wi.compare(VectorOperators.GT, 0)).blend(-1, wi.compare(VectorOperators.LT, 0));
            ((DoubleVector) FloatVector.fromArray(F, g, gOff + i, k).convertShape(F2D, D, 0))
                    .add(sign.mul(l1).add(wi.mul(twoL2)))
                    .convertShape(D2F, F, 0).reinterpretAsFloats().intoArray(out, outOff + i, k);
        }
    }

    /**
     * x ← x·factor, the product in double: each vector of the preferred width widened in two halves and rounded
     * back (conversions within the vector's own shape, whose species C2 always knows: with the half-width species
     * F, one JMH fork in several compiled the conversion without its intrinsic and allocated 6.6 MB per char-LSTM
     * step), the tail one float at a time, as the reference rounds it.
     */
    static void scale(int n, float[] x, int xOff, double factor) {
        int whole = S.loopBound(n);
        for (int i = 0; i < whole; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + i);
            FloatVector low = (FloatVector) ((DoubleVector) v.convert(F2D, 0)).mul(factor).convert(D2F, 0);
            FloatVector high = (FloatVector) ((DoubleVector) v.convert(F2D, 1)).mul(factor).convert(D2F, -1);
            low.blend(high, UPPER_HALF).intoArray(x, xOff + i);
        }
        for (int i = whole; i < n; i++) {
            x[xOff + i] = (float) (x[xOff + i] * factor);
        }
    }
}
