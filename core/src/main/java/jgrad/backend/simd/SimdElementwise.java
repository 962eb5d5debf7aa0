package jgrad.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import jgrad.backend.BinaryOp;
import jgrad.backend.UnaryOp;

/**
 * Elementwise maps on float arrays, one vector of {@link #L} lanes at a time, the last partial
 * vector under a mask (so the tail computes exactly what the body does). Each op is the formula
 * of {@link jgrad.backend.ScalarBackend} written with lanewise operations; the transcendental ones
 * (exp, log, tanh, pow) are the Vector API's, accurate to a few ulps of float.
 */
final class SimdElementwise {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();

    private SimdElementwise() {
    }

    /** out[i] = a[i·aStep] ∘ b[i·bStep], each step 0 (a broadcast scalar) or 1. */
    static void binary(BinaryOp op, int n, float[] a, int aOff, int aStep, float[] b, int bOff, int bStep,
                       float[] out, int outOff) {
        if (n == 0) {
            return;
        }
        FloatVector ca = aStep == 0 ? FloatVector.broadcast(S, a[aOff]) : null;
        FloatVector cb = bStep == 0 ? FloatVector.broadcast(S, b[bOff]) : null;
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector x = aStep == 0 ? ca : FloatVector.fromArray(S, a, aOff + i);
            FloatVector y = bStep == 0 ? cb : FloatVector.fromArray(S, b, bOff + i);
            apply(op, x, y).intoArray(out, outOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector x = aStep == 0 ? ca : FloatVector.fromArray(S, a, aOff + i, m);
            FloatVector y = bStep == 0 ? cb : FloatVector.fromArray(S, b, bOff + i, m);
            apply(op, x, y).intoArray(out, outOff + i, m);
        }
    }

    static FloatVector apply(BinaryOp op, FloatVector x, FloatVector y) {
        return switch (op) {
            case ADD -> x.add(y);
            case SUB -> x.sub(y);
            case MUL -> x.mul(y);
            case DIV -> x.div(y);
            case POW -> x.lanewise(VectorOperators.POW, y);
            case MAX -> x.max(y);
            case MIN -> x.min(y);
            case EQ -> indicator(x.compare(VectorOperators.EQ, y));
            case GT -> indicator(x.compare(VectorOperators.GT, y));
            case GE -> indicator(x.compare(VectorOperators.GE, y));
        };
    }

    /** 1 where the mask is set, 0 elsewhere. */
    private static FloatVector indicator(VectorMask<Float> m) {
        return FloatVector.zero(S).blend(1f, m);
    }

    /** out[i] = f(x[i]). */
    static void unary(UnaryOp op, int n, float[] x, int xOff, float[] out, int outOff, float alpha) {
        FloatVector va = FloatVector.broadcast(S, alpha);
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            apply(op, FloatVector.fromArray(S, x, xOff + i), va).intoArray(out, outOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = S.indexInRange(i, n);
            apply(op, FloatVector.fromArray(S, x, xOff + i, m), va).intoArray(out, outOff + i, m);
        }
    }

    static FloatVector apply(UnaryOp op, FloatVector x, FloatVector alpha) {
        return switch (op) {
            case NEG -> x.neg();
            case EXP -> x.lanewise(VectorOperators.EXP);
            case LOG -> x.lanewise(VectorOperators.LOG);
            case SQRT -> x.sqrt();
            case ABS -> x.abs();
            case TANH -> x.lanewise(VectorOperators.TANH);
            case SIGMOID -> sigmoid(x);
            case RELU -> FloatVector.zero(S).blend(x, x.compare(VectorOperators.GT, 0f));
            case LEAKY_RELU -> x.mul(alpha).blend(x, x.compare(VectorOperators.GT, 0f));
            case POW -> x.lanewise(VectorOperators.POW, alpha);
            case SCALE -> x.mul(alpha);
            case SHIFT -> x.add(alpha);
        };
    }

    /** σ(x) = 1/(1+e⁻ˣ): e⁻ˣ may overflow to +∞ for very negative x, which gives the right 0. */
    static FloatVector sigmoid(FloatVector x) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        return one.div(one.add(x.neg().lanewise(VectorOperators.EXP)));
    }

    /** dx[i] = g[i] · f'(x[i]), with f' taken from x or y = f(x) as {@link UnaryOp} documents. */
    static void unaryBackward(UnaryOp op, int n, float[] x, int xOff, float[] y, int yOff, float[] g, int gOff,
                              float[] dx, int dxOff, float alpha) {
        FloatVector va = FloatVector.broadcast(S, alpha);
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector d = derivative(op, FloatVector.fromArray(S, x, xOff + i), FloatVector.fromArray(S, y, yOff + i), va);
            FloatVector.fromArray(S, g, gOff + i).mul(d).intoArray(dx, dxOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector d = derivative(op, FloatVector.fromArray(S, x, xOff + i, m), FloatVector.fromArray(S, y, yOff + i, m), va);
            FloatVector.fromArray(S, g, gOff + i, m).mul(d).intoArray(dx, dxOff + i, m);
        }
    }

    /** f'(x), given x and y = f(x); the same table as the scalar reference. */
    static FloatVector derivative(UnaryOp op, FloatVector x, FloatVector y, FloatVector alpha) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        return switch (op) {
            case NEG -> one.neg();
            case EXP -> y;
            case LOG -> one.div(x);
            case SQRT -> FloatVector.broadcast(S, 0.5f).div(y);
            case ABS -> signum(x);
            case TANH -> one.sub(y.mul(y));
            case SIGMOID -> y.mul(one.sub(y));
            case RELU -> FloatVector.zero(S).blend(one, x.compare(VectorOperators.GT, 0f));
            case LEAKY_RELU -> alpha.blend(one, x.compare(VectorOperators.GT, 0f));
            case POW -> alpha.mul(x.lanewise(VectorOperators.POW, alpha.sub(1f)));
            case SCALE -> alpha;
            case SHIFT -> one;
        };
    }

    /** Math.signum lane by lane: −1, 0 or 1, and NaN stays NaN. */
    private static FloatVector signum(FloatVector x) {
        FloatVector s = FloatVector.zero(S)
                .blend(1f, x.compare(VectorOperators.GT, 0f))
                .blend(-1f, x.compare(VectorOperators.LT, 0f));
        return s.blend(x, x.test(VectorOperators.IS_NAN));
    }
}
