package jgrad.backend;

import static jgrad.backend.SimdFixture.U;
import static jgrad.backend.SimdFixture.assertClose;
import static jgrad.backend.SimdFixture.copyOf;
import static jgrad.backend.SimdFixture.uniform;

import java.util.SplittableRandom;
import jgrad.backend.Storage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SIMD elementwise kernels (binary, unary, unaryBackward) against the scalar reference, at the
 * awkward sizes, with nonzero offsets and every broadcast combination.
 *
 * <p>Tolerances: +, −, ×, ÷, √, max, min and comparisons are exact, because the reference's double
 * result rounded to float is the correctly rounded float result. Ops that take α round it to float
 * first (one extra rounding: 4u relative, plus an absolute 4u for results that cancel to near zero).
 * exp and log are within 1 ulp of the correctly rounded result and the reference is within half an
 * ulp of it (a float rounding of a double result), so 2u relative each; tanh and sigmoid within 2
 * ulps, 4u; pow is StrictMath's in double rounded to float, as the reference's Math.pow, so 2u.
 * Results that underflow towards zero get an absolute 4u.
 */
class SimdElementwiseTest {

    private static final double ONE_ULP = 2 * U;
    private static final double TWO_ULPS = 4 * U;
    private static Backend simd;
    private static int[] sizes;

    @BeforeEach
    void backend() {
        simd = SimdFixture.simdOrSkip();
        sizes = SimdFixture.sizes(SimdFixture.lanes(simd));
    }

    @Test
    void binaryOpsMatchScalarForEveryStepCombination() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (BinaryOp op : BinaryOp.values()) {
            for (int n : sizes) {
                for (int steps = 0; steps < 4; steps++) {
                    checkBinary(rnd, op, n, steps >> 1, steps & 1);
                }
            }
        }
    }

    @Test
    void binaryOpsInPlace() {
        SplittableRandom rnd = new SplittableRandom(2);
        for (int n : sizes) {
            Storage.F32 a = uniform(rnd, 0, n, -2, 2);
            Storage.F32 b = uniform(rnd, 0, n, -2, 2);
            Storage.F32 expected = copyOf(a);
            Backends.scalar().binary(BinaryOp.MUL, n, expected, 0, 1, b, 0, 1, expected, 0);
            simd.binary(BinaryOp.MUL, n, a, 0, 1, b, 0, 1, a, 0);
            assertClose("in-place MUL n=" + n, expected.a, a.a, 0, 0);
        }
    }

    /** Sizes large enough for the kernels to split the work across threads, and odd, so chunks end mid-vector. */
    @Test
    void largeCallsSplitAcrossThreadsStillMatch() {
        SplittableRandom rnd = new SplittableRandom(3);
        int n = (1 << 20) + 3;
        checkBinary(rnd, BinaryOp.ADD, n, 1, 1);
        checkBinary(rnd, BinaryOp.DIV, n, 1, 0);
        checkUnary(rnd, UnaryOp.EXP, n, 0);
        checkUnaryBackward(rnd, UnaryOp.TANH, n, 0);
    }

    private static void checkBinary(SplittableRandom rnd, BinaryOp op, int n, int aStep, int bStep) {
        int aOff = 3, bOff = 5, outOff = 2;
        int aLen = aStep == 0 ? 1 : n, bLen = bStep == 0 ? 1 : n;
        boolean pow = op == BinaryOp.POW;
        Storage.F32 a = uniform(rnd, aOff, aLen, pow ? 0.1 : -2, 2);
        Storage.F32 b = uniform(rnd, bOff, bLen, pow ? -2 : 0.5, 2);
        for (int i = 0; i < Math.min(aLen, bLen); i += 3) {
            b.a[bOff + i] = a.a[aOff + i];              // equal pairs, so that EQ and GE see both outcomes
        }
        Storage.F32 expected = uniform(rnd, 0, outOff + n + 4, -1, 1);
        Storage.F32 actual = copyOf(expected);
        Backends.scalar().binary(op, n, a, aOff, aStep, b, bOff, bStep, expected, outOff);
        simd.binary(op, n, a, aOff, aStep, b, bOff, bStep, actual, outOff);
        double rtol = pow ? ONE_ULP : 0;
        assertClose(op + " n=" + n + " steps=" + aStep + "," + bStep, expected.a, actual.a, 0, rtol);
    }

    @Test
    void unaryOpsMatchScalar() {
        SplittableRandom rnd = new SplittableRandom(4);
        for (UnaryOp op : UnaryOp.values()) {
            for (int n : sizes) {
                checkUnary(rnd, op, n, alpha(op));
            }
        }
    }

    private static void checkUnary(SplittableRandom rnd, UnaryOp op, int n, double alpha) {
        int xOff = 7, outOff = 1;
        Storage.F32 x = input(rnd, op, xOff, n);
        Storage.F32 expected = uniform(rnd, 0, outOff + n + 3, -1, 1);
        Storage.F32 actual = copyOf(expected);
        Backends.scalar().unary(op, n, x, xOff, expected, outOff, alpha);
        simd.unary(op, n, x, xOff, actual, outOff, alpha);
        double[] tol = tolerance(op);
        assertClose(op + " n=" + n, expected.a, actual.a, tol[0], tol[1]);
    }

    @Test
    void unaryBackwardMatchesScalar() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (UnaryOp op : UnaryOp.values()) {
            for (int n : sizes) {
                checkUnaryBackward(rnd, op, n, alpha(op));
            }
        }
    }

    private static void checkUnaryBackward(SplittableRandom rnd, UnaryOp op, int n, double alpha) {
        int xOff = 1, yOff = 4, gOff = 2, dxOff = 3;
        Storage.F32 x = input(rnd, op, xOff, n);
        Storage.F32 y = new Storage.F32(new float[yOff + n]);
        Backends.scalar().unary(op, n, x, xOff, y, yOff, alpha);
        Storage.F32 g = uniform(rnd, gOff, n, -1, 1);
        Storage.F32 expected = uniform(rnd, 0, dxOff + n + 2, -1, 1);
        Storage.F32 actual = copyOf(expected);
        Backends.scalar().unaryBackward(op, n, x, xOff, y, yOff, g, gOff, expected, dxOff, alpha);
        simd.unaryBackward(op, n, x, xOff, y, yOff, g, gOff, actual, dxOff, alpha);
        double[] tol = tolerance(op);
        assertClose(op + "' n=" + n, expected.a, actual.a, tol[0], Math.max(tol[1], 4 * U));
    }

    /** Inputs in each op's domain: positive where log, sqrt and fractional powers need it. */
    private static Storage.F32 input(SplittableRandom rnd, UnaryOp op, int off, int n) {
        boolean positive = op == UnaryOp.LOG || op == UnaryOp.SQRT || op == UnaryOp.POW;
        return positive ? uniform(rnd, off, n, 0.01, 4) : uniform(rnd, off, n, -6, 6);
    }

    private static double alpha(UnaryOp op) {
        return switch (op) {
            case LEAKY_RELU -> 0.1;
            case POW -> 1.7;
            case SCALE -> -0.7;
            case SHIFT -> 0.3;
            default -> 0;
        };
    }

    /** {atol, rtol} for an op's forward value, as argued in the class comment. */
    private static double[] tolerance(UnaryOp op) {
        return switch (op) {
            case NEG, ABS, RELU, SQRT -> new double[] {0, 0};
            case LEAKY_RELU, SCALE, SHIFT -> new double[] {4 * U, 4 * U};
            case EXP, LOG, POW -> new double[] {4 * U, ONE_ULP};
            case TANH, SIGMOID -> new double[] {4 * U, TWO_ULPS};
        };
    }
}
