package jgrad.backend.simd;

import static jgrad.backend.simd.SimdMicroKernel.L;
import static jgrad.backend.simd.SimdMicroKernel.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import jdk.incubator.vector.FloatVector;
import jgrad.backend.Backends;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SimdMath's array forms, whose loops have the steps of the vector forms written out, against those vector forms
 * element by element (bit for bit) and against StrictMath (within 2 ulps): every length around the vector width,
 * an offset, special values, the shift, and exp's zeroing of −∞.
 */
class SimdMathArrayFormsTest {

    private static final float[] SPECIAL = {0f, -0f, 1f, -1f, 88.7f, 89f, -87f, -103f, -110f, -120f, 1e-30f,
        Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, Float.MIN_VALUE, -Float.MIN_NORMAL};

    @BeforeEach
    void vectorApi() {
        Assumptions.assumeTrue(Backends.vectorApiAvailable(), "jdk.incubator.vector is not readable in this JVM");
    }

    @Test
    void expOfShiftedArrayIsTheVectorFormBitForBit() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int n : new int[] {1, L - 1, L, L + 3, 3 * L, 3 * L + 1}) {
            for (float shift : new float[] {0f, 2.5f, -7f, Float.NEGATIVE_INFINITY}) {
                for (boolean zero : new boolean[] {false, true}) {
                    float[] x = inputs(rnd, 3 + n);
                    float[] o = new float[2 + n + L];
                    java.util.Arrays.fill(o, 42f);
                    SimdMath.exp(n, x, 3, shift, zero, o, 2);
                    for (int i = 0; i < n; i++) {
                        float xi = x[3 + i];
                        float want = zero && xi == Float.NEGATIVE_INFINITY
                                ? 0f : SimdMath.exp(FloatVector.broadcast(S, xi - shift)).lane(0);
                        assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(o[2 + i]),
                                String.format("exp(%s - %s), n=%d, zero=%s: %s", xi, shift, n, zero, o[2 + i]));
                    }
                    for (int i = 2 + n; i < o.length; i++) {
                        assertEquals(42f, o[i], "written past n");
                    }
                    assertEquals(42f, o[0], "written before the offset");
                }
            }
        }
    }

    @Test
    void expIsWithinTwoUlpsOfStrictMath() {
        SplittableRandom rnd = new SplittableRandom(6);
        int n = 4000;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rnd.nextDouble(-80, 80);
        }
        float[] o = new float[n];
        SimdMath.exp(n, x, 0, 0.5f, false, o, 0);
        for (int i = 0; i < n; i++) {
            double exact = StrictMath.exp((double) (x[i] - 0.5f));
            assertTrue(Math.abs(o[i] - exact) <= 2 * Math.ulp((float) exact), "exp(" + x[i] + " - 0.5): " + o[i] + " vs " + exact);
        }
    }

    @Test
    void tanhArrayIsTheVectorFormBitForBit() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int n : new int[] {L, 2 * L, 5 * L}) {
            float[] x = inputs(rnd, 1 + n);
            float[] o = new float[n];
            SimdMath.tanh(n, x, 1, o, 0);
            for (int i = 0; i < n; i++) {
                float want = SimdMath.tanh(FloatVector.broadcast(S, x[1 + i])).lane(0);
                assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(o[i]), "tanh(" + x[1 + i] + ")");
            }
        }
    }

    private static float[] inputs(SplittableRandom rnd, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextInt(4) == 0 ? SPECIAL[rnd.nextInt(SPECIAL.length)] : (float) rnd.nextDouble(-30, 30);
        }
        return x;
    }
}
