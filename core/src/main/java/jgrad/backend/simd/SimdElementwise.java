package jgrad.backend.simd;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import jgrad.backend.BinaryOp;
import jgrad.backend.Reusable;
import jgrad.backend.UnaryOp;

/**
 * Elementwise maps on float arrays. Each op is one small loop over whole vectors (its own method,
 * the formula of {@link jgrad.backend.ScalarBackend} in lanewise form), so that the JIT compiles
 * and inlines every op on its own budget: a single loop switching over all ops grew too large to
 * compile well, and the transcendental ops fell back to slow, allocating code. The last partial
 * vector is copied into a scratch vector, run through the same loop and copied back, so tails
 * compute exactly what the body does. Broadcast operands (step 0) are expanded into a scratch
 * block. exp, log, tanh and sigmoid are {@link SimdMath}'s (1–2 ulps, and the same bits whether
 * or not the JIT has compiled them); pow is StrictMath's, element by element. Loads are written
 * out as {@code FloatVector.fromArray} where they are used: a load helper that C2 leaves out of line
 * (it does so in a large caller once its inlining budget is spent) returns a boxed vector every call.
 */
final class SimdElementwise {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    private static final int BLOCK = 64 * L;
    private static final Reusable<float[][]> SCRATCH = new Reusable<>(() -> new float[6][BLOCK]);

    private SimdElementwise() {
    }

    /*
     * The entry points of the backend: each kernel over [0, n), in one chunk per thread when n repays the hand-off
     * (SimdChunks), else straight on the calling thread.
     */

    /** {@link #binary} over [0, n), split across threads when n is large. */
    static void binaryInChunks(BinaryOp op, int n, float[] a, int aOff, int aStep, float[] b, int bOff, int bStep,
                               float[] out, int outOff) {
        if (SimdChunks.oneChunk(n, SimdChunks.PARALLEL_ELEMENTS)) {
            binary(op, n, a, aOff, aStep, b, bOff, bStep, out, outOff);
        } else {
            SimdChunks.inChunks(n, SimdChunks.PARALLEL_ELEMENTS, (off, len) -> binary(op, len, a, aOff + off * aStep,
                    aStep, b, bOff + off * bStep, bStep, out, outOff + off));
        }
    }

    /** {@link #unary} over [0, n), split across threads when n is large. */
    static void unaryInChunks(UnaryOp op, int n, float[] x, int xOff, float[] out, int outOff, float alpha) {
        if (SimdChunks.oneChunk(n, SimdChunks.PARALLEL_ELEMENTS)) {
            unary(op, n, x, xOff, out, outOff, alpha);
        } else {
            SimdChunks.inChunks(n, SimdChunks.PARALLEL_ELEMENTS, (off, len) -> unary(op, len, x, xOff + off,
                    out, outOff + off, alpha));
        }
    }

    /** {@link #unaryBackward} over [0, n), split across threads when n is large. */
    static void unaryBackwardInChunks(UnaryOp op, int n, float[] x, int xOff, float[] y, int yOff, float[] g, int gOff,
                                      float[] dx, int dxOff, float alpha) {
        if (SimdChunks.oneChunk(n, SimdChunks.PARALLEL_ELEMENTS)) {
            unaryBackward(op, n, x, xOff, y, yOff, g, gOff, dx, dxOff, alpha);
        } else {
            SimdChunks.inChunks(n, SimdChunks.PARALLEL_ELEMENTS, (off, len) -> unaryBackward(op, len, x, xOff + off,
                    y, yOff + off, g, gOff + off, dx, dxOff + off, alpha));
        }
    }

    /** out[i] = a[i·aStep] ∘ b[i·bStep], each step 0 (a broadcast scalar) or 1. */
    static void binary(BinaryOp op, int n, float[] a, int aOff, int aStep, float[] b, int bOff, int bStep,
                       float[] out, int outOff) {
        if (aStep == 1 && bStep == 1 || n == 0) {
            binaryContiguous(op, n, a, aOff, b, bOff, out, outOff);
            return;
        }
        float[][] s = SCRATCH.take();
        try {
            int fill = Math.min(n, BLOCK);
            if (aStep == 0) {
                Arrays.fill(s[4], 0, fill, a[aOff]);
            }
            if (bStep == 0) {
                Arrays.fill(s[5], 0, fill, b[bOff]);
            }
            for (int off = 0; off < n; off += BLOCK) {
                int len = Math.min(BLOCK, n - off);
                binaryContiguous(op, len, aStep == 0 ? s[4] : a, aStep == 0 ? 0 : aOff + off,
                        bStep == 0 ? s[5] : b, bStep == 0 ? 0 : bOff + off, out, outOff + off);
            }
        } finally {
            SCRATCH.give(s);
        }
    }

    private static void binaryContiguous(BinaryOp op, int n, float[] a, int aOff, float[] b, int bOff,
                                         float[] out, int outOff) {
        int body = S.loopBound(n);
        binaryVectors(op, body, a, aOff, b, bOff, out, outOff);
        if (body < n) {
            float[][] s = SCRATCH.take();
            try {
                System.arraycopy(a, aOff + body, s[0], 0, n - body);
                System.arraycopy(b, bOff + body, s[1], 0, n - body);
                binaryVectors(op, L, s[0], 0, s[1], 0, s[2], 0);
                System.arraycopy(s[2], 0, out, outOff + body, n - body);
            } finally {
                SCRATCH.give(s);
            }
        }
    }

    /** n is a multiple of L. */
    private static void binaryVectors(BinaryOp op, int n, float[] a, int ao, float[] b, int bo, float[] o, int oo) {
        switch (op) {
            case ADD -> add(n, a, ao, b, bo, o, oo);
            case SUB -> sub(n, a, ao, b, bo, o, oo);
            case MUL -> mul(n, a, ao, b, bo, o, oo);
            case DIV -> div(n, a, ao, b, bo, o, oo);
            case POW -> pow(n, a, ao, b, bo, o, oo);
            case MAX -> max(n, a, ao, b, bo, o, oo);
            case MIN -> min(n, a, ao, b, bo, o, oo);
            case EQ, GT, GE -> compare(op, n, a, ao, b, bo, o, oo);
        }
    }


    private static void add(int n, float[] a, int ao, float[] b, int bo, float[] o, int oo) {
        for (int i = 0; i < n; i += L) {
            FloatVector.fromArray(S, a, ao + i).add(FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        }
    }

    private static void sub(int n, float[] a, int ao, float[] b, int bo, float[] o, int oo) {
        for (int i = 0; i < n; i += L) {
            FloatVector.fromArray(S, a, ao + i).sub(FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        }
    }

    private static void mul(int n, float[] a, int ao, float[] b, int bo, float[] o, int oo) {
        for (int i = 0; i < n; i += L) {
            FloatVector.fromArray(S, a, ao + i).mul(FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        }
    }

    private static void div(int n, float[] a, int ao, float[] b, int bo, float[] o, int oo) {
        for (int i = 0; i < n; i += L) {
            FloatVector.fromArray(S, a, ao + i).div(FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        }
    }

    /** aᵇ, one element at a time: see {@link #powScalar}. */
    private static void pow(int n, float[] a, int ao, float[] b, int bo, float[] o, int oo) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (float) StrictMath.pow(a[ao + i], b[bo + i]);
        }
    }

    private static void max(int n, float[] a, int ao, float[] b, int bo, float[] o, int oo) {
        for (int i = 0; i < n; i += L) {
            FloatVector.fromArray(S, a, ao + i).max(FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        }
    }

    private static void min(int n, float[] a, int ao, float[] b, int bo, float[] o, int oo) {
        for (int i = 0; i < n; i += L) {
            FloatVector.fromArray(S, a, ao + i).min(FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i);
        }
    }

    /** 1 where a ∘ b holds, else 0 (false for NaN, as in Java's comparisons). */
    private static void compare(BinaryOp op, int n, float[] a, int ao, float[] b, int bo, float[] o, int oo) {
        VectorOperators.Comparison cmp = op == BinaryOp.EQ ? VectorOperators.EQ
                : op == BinaryOp.GT ? VectorOperators.GT : VectorOperators.GE;
        FloatVector zero = FloatVector.zero(S);
        for (int i = 0; i < n; i += L) {
            FloatVector av = FloatVector.fromArray(S, a, ao + i);
            zero.blend(1f, av.compare(cmp, FloatVector.fromArray(S, b, bo + i))).intoArray(o, oo + i);
        }
    }

    /** out[i] = f(x[i]). */
    static void unary(UnaryOp op, int n, float[] x, int xOff, float[] out, int outOff, float alpha) {
        int body = S.loopBound(n);
        unaryVectors(op, body, x, xOff, out, outOff, alpha);
        if (body < n) {
            float[][] s = SCRATCH.take();
            try {
                System.arraycopy(x, xOff + body, s[0], 0, n - body);
                unaryVectors(op, L, s[0], 0, s[2], 0, alpha);
                System.arraycopy(s[2], 0, out, outOff + body, n - body);
            } finally {
                SCRATCH.give(s);
            }
        }
    }

    /** n is a multiple of L. */
    private static void unaryVectors(UnaryOp op, int n, float[] x, int xo, float[] o, int oo, float alpha) {
        switch (op) {
            case NEG -> scaleShift(n, x, xo, o, oo, -1f, 0f);
            case SCALE -> scaleShift(n, x, xo, o, oo, alpha, 0f);
            case SHIFT -> scaleShift(n, x, xo, o, oo, 1f, alpha);
            case EXP -> exp(n, x, xo, o, oo);
            case LOG -> log(n, x, xo, o, oo);
            case TANH -> SimdMath.tanh(n, x, xo, o, oo);
            case SQRT -> sqrt(n, x, xo, o, oo);
            case ABS -> abs(n, x, xo, o, oo);
            case SIGMOID -> SimdMath.sigmoid(n, x, xo, o, oo);
            case RELU, LEAKY_RELU -> leakyRelu(n, x, xo, o, oo, op == UnaryOp.RELU ? 0f : alpha);
            case POW -> powScalar(n, x, xo, o, oo, alpha);
        }
    }

    /** y = s·x + t: −x, αx and x + α (exact in each case: one of s, t is trivial). */
    private static void scaleShift(int n, float[] x, int xo, float[] o, int oo, float s, float t) {
        for (int i = 0; i < n; i += L) {
            FloatVector.fromArray(S, x, xo + i).mul(s).add(t).intoArray(o, oo + i);
        }
    }

    /*
     * exp, log, tanh and sigmoid come from SimdMath, never from lanewise(EXP/LOG/TANH): those give
     * different bits before and after C2 compiles them, and SimdMath's do not. tanh and sigmoid, which
     * the recurrent layers run on every step, are SimdMath's array forms, whose vectors never cross a call.
     */

    private static void exp(int n, float[] x, int xo, float[] o, int oo) {
        SimdMath.exp(n, x, xo, 0f, false, o, oo);                     // x − 0 is x
    }

    private static void log(int n, float[] x, int xo, float[] o, int oo) {
        SimdMath.log(n, x, xo, o, oo);
    }

    private static void sqrt(int n, float[] x, int xo, float[] o, int oo) {
        for (int i = 0; i < n; i += L) {
            FloatVector.fromArray(S, x, xo + i).sqrt().intoArray(o, oo + i);
        }
    }

    private static void abs(int n, float[] x, int xo, float[] o, int oo) {
        for (int i = 0; i < n; i += L) {
            FloatVector.fromArray(S, x, xo + i).abs().intoArray(o, oo + i);
        }
    }

    /** x if x &gt; 0 else αx (α = 0 for relu; NaN and −0 give 0·x as in the reference's comparison). */
    private static void leakyRelu(int n, float[] x, int xo, float[] o, int oo, float alpha) {
        for (int i = 0; i < n; i += L) {
            FloatVector xv = FloatVector.fromArray(S, x, xo + i);
            xv.mul(alpha).blend(xv, xv.compare(VectorOperators.GT, 0f)).intoArray(o, oo + i);
        }
    }

    /**
     * x^α, one element at a time in double with StrictMath (reproducible by specification), rounded
     * to float. A vector pow as e^(α·ln x) in float would lose |α·ln x| ulps to the rounding of the
     * product; pow is rare in models, so it is not worth the double-float arithmetic that avoids it.
     */
    private static void powScalar(int n, float[] x, int xo, float[] o, int oo, float alpha) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (float) StrictMath.pow(x[xo + i], alpha);
        }
    }

    /** dx[i] = g[i] · f'(x[i]), with f' taken from x or y = f(x) as {@link UnaryOp} documents. */
    static void unaryBackward(UnaryOp op, int n, float[] x, int xOff, float[] y, int yOff, float[] g, int gOff,
                              float[] dx, int dxOff, float alpha) {
        int body = S.loopBound(n);
        backwardVectors(op, body, x, xOff, y, yOff, g, gOff, dx, dxOff, alpha);
        if (body < n) {
            float[][] s = SCRATCH.take();
            try {
                System.arraycopy(x, xOff + body, s[0], 0, n - body);
                System.arraycopy(y, yOff + body, s[1], 0, n - body);
                System.arraycopy(g, gOff + body, s[2], 0, n - body);
                backwardVectors(op, L, s[0], 0, s[1], 0, s[2], 0, s[3], 0, alpha);
                System.arraycopy(s[3], 0, dx, dxOff + body, n - body);
            } finally {
                SCRATCH.give(s);
            }
        }
    }

    /** n is a multiple of L; the same derivative table as the scalar reference. */
    private static void backwardVectors(UnaryOp op, int n, float[] x, int xo, float[] y, int yo, float[] g, int go,
                                        float[] dx, int dxo, float alpha) {
        switch (op) {
            case NEG -> scaleShift(n, g, go, dx, dxo, -1f, 0f);
            case SCALE -> scaleShift(n, g, go, dx, dxo, alpha, 0f);
            case SHIFT -> scaleShift(n, g, go, dx, dxo, 1f, 0f);
            case EXP -> mul(n, g, go, y, yo, dx, dxo);
            case LOG -> div(n, g, go, x, xo, dx, dxo);
            case SQRT -> sqrtBackward(n, y, yo, g, go, dx, dxo);
            case ABS -> absBackward(n, x, xo, g, go, dx, dxo);
            case TANH -> tanhBackward(n, y, yo, g, go, dx, dxo);
            case SIGMOID -> sigmoidBackward(n, y, yo, g, go, dx, dxo);
            case RELU, LEAKY_RELU -> reluBackward(n, x, xo, g, go, dx, dxo, op == UnaryOp.RELU ? 0f : alpha);
            case POW -> powBackward(n, x, xo, g, go, dx, dxo, alpha);
        }
    }

    /** g · 0.5/y. */
    private static void sqrtBackward(int n, float[] y, int yo, float[] g, int go, float[] dx, int dxo) {
        FloatVector half = FloatVector.broadcast(S, 0.5f);
        for (int i = 0; i < n; i += L) {
            FloatVector.fromArray(S, g, go + i).mul(half.div(FloatVector.fromArray(S, y, yo + i))).intoArray(dx, dxo + i);
        }
    }

    /** g · sign(x): −1, 0 or 1, and NaN stays NaN, as Math.signum. */
    private static void absBackward(int n, float[] x, int xo, float[] g, int go, float[] dx, int dxo) {
        FloatVector zero = FloatVector.zero(S);
        for (int i = 0; i < n; i += L) {
            FloatVector xv = FloatVector.fromArray(S, x, xo + i);
            FloatVector sign = zero.blend(1f, xv.compare(VectorOperators.GT, 0f))
                    .blend(-1f, xv.compare(VectorOperators.LT, 0f));
            VectorMask<Float> nan = xv.test(VectorOperators.IS_NAN);
            FloatVector.fromArray(S, g, go + i).mul(sign.blend(xv, nan)).intoArray(dx, dxo + i);
        }
    }

    /** g · (1 − y²). */
    private static void tanhBackward(int n, float[] y, int yo, float[] g, int go, float[] dx, int dxo) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (int i = 0; i < n; i += L) {
            FloatVector yv = FloatVector.fromArray(S, y, yo + i);
            FloatVector.fromArray(S, g, go + i).mul(one.sub(yv.mul(yv))).intoArray(dx, dxo + i);
        }
    }

    /** g · y(1 − y). */
    private static void sigmoidBackward(int n, float[] y, int yo, float[] g, int go, float[] dx, int dxo) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (int i = 0; i < n; i += L) {
            FloatVector yv = FloatVector.fromArray(S, y, yo + i);
            FloatVector.fromArray(S, g, go + i).mul(yv.mul(one.sub(yv))).intoArray(dx, dxo + i);
        }
    }

    /** g · (x &gt; 0 ? 1 : α), multiplied as in the reference so that g = ±∞ gives NaN where it does. */
    private static void reluBackward(int n, float[] x, int xo, float[] g, int go, float[] dx, int dxo, float alpha) {
        FloatVector a = FloatVector.broadcast(S, alpha);
        for (int i = 0; i < n; i += L) {
            FloatVector d = a.blend(1f, FloatVector.fromArray(S, x, xo + i).compare(VectorOperators.GT, 0f));
            FloatVector.fromArray(S, g, go + i).mul(d).intoArray(dx, dxo + i);
        }
    }

    /** g · α x^(α−1), the power taken as in {@link #powScalar}. */
    private static void powBackward(int n, float[] x, int xo, float[] g, int go, float[] dx, int dxo, float alpha) {
        float am1 = alpha - 1f;
        for (int i = 0; i < n; i++) {
            dx[dxo + i] = g[go + i] * (alpha * (float) StrictMath.pow(x[xo + i], am1));
        }
    }
}
