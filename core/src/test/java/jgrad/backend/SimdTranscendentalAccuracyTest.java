package jgrad.backend;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import jgrad.backend.Storage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SIMD backend's own exp, log, tanh and sigmoid, in ulps against StrictMath computed in double
 * and rounded to float (within half an ulp of the true value), over their whole float range:
 * overflow and underflow edges, subnormal results and arguments, tiny arguments where tanh ≈ x,
 * and the special values. The bounds are the measured worst cases of 10⁷ random arguments each
 * (exp and log 1 ulp, tanh and sigmoid 2), so any change to a coefficient or a reduction step shows.
 */
class SimdTranscendentalAccuracyTest {

    private static final int N = 1 << 17;
    private static final float[] SPECIAL = {0f, -0f, 1f, -1f, Float.NaN, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE,
        88.72283f, 88.72284f, -87.33654f, -103.27893f, -103.972084f, -104f, 1e-30f, -1e-30f, 9f, 10f, 11f};
    private Backend simd;

    @BeforeEach
    void backend() {
        simd = SimdFixture.simdOrSkip();
    }

    @Test
    void expWithinOneUlp() {
        check(UnaryOp.EXP, StrictMath::exp, 1, 1, -110, 100);
    }

    @Test
    void logWithinOneUlpIncludingSubnormalArguments() {
        check(UnaryOp.LOG, StrictMath::log, 1, 2, 0, 0);
    }

    @Test
    void tanhWithinTwoUlpsIncludingTinyArguments() {
        check(UnaryOp.TANH, StrictMath::tanh, 2, 3, -12, 12);
    }

    @Test
    void sigmoidWithinTwoUlps() {
        check(UnaryOp.SIGMOID, SimdTranscendentalAccuracyTest::sigmoid, 2, 4, -120, 120);
    }

    private static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + StrictMath.exp(-x)) : StrictMath.exp(x) / (1 + StrictMath.exp(x));
    }

    /** Uniform arguments in [lo, hi) (or, when lo = hi, random positive bit patterns), tiny ones, specials. */
    private void check(UnaryOp op, DoubleUnaryOperator ref, long maxUlps, long seed, double lo, double hi) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] x = new float[N + SPECIAL.length];
        for (int i = 0; i < N; i++) {
            double tiny = Math.pow(10, -12 * rnd.nextDouble()) * (rnd.nextBoolean() ? 1 : -1);
            x[i] = lo == hi ? Float.intBitsToFloat(rnd.nextInt(0, 0x7f800000))
                    : (float) (i % 4 == 0 ? tiny : lo + (hi - lo) * rnd.nextDouble());
        }
        System.arraycopy(SPECIAL, 0, x, N, SPECIAL.length);
        float[] y = new float[x.length];
        simd.unary(op, x.length, new Storage.F32(x), 0, new Storage.F32(y), 0, 0);
        for (int i = 0; i < x.length; i++) {
            float expected = (float) ref.applyAsDouble(x[i]);
            long ulps = ulps(expected, y[i]);
            assertTrue(ulps <= maxUlps, op + "(" + x[i] + ") = " + y[i] + ", StrictMath gives " + expected + ": "
                    + ulps + " ulps apart, allowed " + maxUlps);
        }
    }

    /** Distance in representable floats; NaN only matches NaN, and −0 matches 0. */
    private static long ulps(float a, float b) {
        if (Float.isNaN(a) || Float.isNaN(b)) {
            return Float.isNaN(a) && Float.isNaN(b) ? 0 : Long.MAX_VALUE;
        }
        return Math.abs(ordinal(a) - ordinal(b));
    }

    /** Floats mapped in order onto the integers, ±0 both to 0. */
    private static long ordinal(float f) {
        int bits = Float.floatToRawIntBits(f);
        return bits < 0 ? -(long) (bits & Integer.MAX_VALUE) : bits;
    }
}
