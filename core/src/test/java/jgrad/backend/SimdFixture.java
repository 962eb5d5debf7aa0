package jgrad.backend;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;
import jgrad.backend.Storage;
import org.junit.jupiter.api.Assumptions;

/**
 * Shared pieces of the differential tests: the SIMD backend (obtained only after checking that the
 * Vector API is present, and only through {@link Backends#simd()}, so that this class never loads a
 * vector type), seeded random storages, and a comparison that names the first differing element.
 */
final class SimdFixture {

    /** Float's unit roundoff, 2⁻²⁴: the relative error of one rounded operation. */
    static final double U = 0x1p-24;

    private SimdFixture() {
    }

    /** The SIMD backend, or a skipped test when this JVM has no Vector API. */
    static Backend simdOrSkip() {
        Assumptions.assumeTrue(Backends.vectorApiAvailable(),
                "jdk.incubator.vector is not readable in this JVM (the scalar run of the suite): nothing to compare");
        return Backends.simd();
    }

    /** The SIMD backend's lane count, read reflectively to keep vector types out of this class. */
    static int lanes(Backend simd) {
        try {
            return (int) simd.getClass().getMethod("lanes").invoke(simd);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The awkward sizes every kernel is tried at. */
    static int[] sizes(int lanes) {
        return new int[] {0, 1, lanes - 1, lanes, lanes + 1, 1021, 100_003};
    }

    /** n uniform floats in [lo, hi) after {@code off} leading values that are there to be skipped. */
    static Storage.F32 uniform(SplittableRandom rnd, int off, int n, double lo, double hi) {
        float[] a = new float[off + n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (lo + (hi - lo) * rnd.nextDouble());
        }
        return new Storage.F32(a);
    }

    /** Values k/8 with |k| ≤ bound: their sums and small products are exact in float in any order. */
    static Storage.F32 eighths(SplittableRandom rnd, int n, int bound) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextInt(-bound, bound + 1) / 8f;
        }
        return new Storage.F32(a);
    }

    static Storage.F32 copyOf(Storage.F32 s) {
        return new Storage.F32(s.a.clone());
    }

    /** Every element equal (NaN equal to NaN, −0 equal to 0). */
    static void assertExact(String what, float[] expected, float[] actual) {
        assertClose(what, expected, actual, 0, 0);
    }

    /** Every element within atol + rtol·|expected|, and NaN exactly where the reference has NaN. */
    static void assertClose(String what, float[] expected, float[] actual, double atol, double rtol) {
        if (expected.length != actual.length) {
            fail(what + ": length " + actual.length + ", expected " + expected.length);
        }
        for (int i = 0; i < expected.length; i++) {
            float e = expected[i];
            float a = actual[i];
            boolean ok = Float.isNaN(e) ? Float.isNaN(a) : e == a || Math.abs(a - e) <= atol + rtol * Math.abs(e);
            if (!ok) {
                fail(what + ": element " + i + " is " + a + ", expected " + e + " (difference " + Math.abs(a - e)
                        + ", allowed " + (atol + rtol * Math.abs(e)) + ")");
            }
        }
    }

    /**
     * off + n values uniform in [−1, 1), each a float, stored as doubles: the operands start at off, and what
     * precedes them is random too, so that a kernel reading before its offset shows.
     */
    static Storage.F64 randomF64(SplittableRandom rnd, int off, int n) {
        double[] a = new double[off + n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return new Storage.F64(a);
    }

    /** The storage rounded to float. */
    static Storage.F32 toF32(Storage s) {
        float[] a = new float[s.length()];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) s.get(i);
        }
        return new Storage.F32(a);
    }

    /** |s|, element by element, in double: the operands of an error bound. */
    static Storage.F64 absF64(Storage s) {
        double[] a = new double[s.length()];
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.abs(s.get(i));
        }
        return new Storage.F64(a);
    }

    /** got[gotOff + i] = want[wantOff + i] within 1e-5 · bound[wantOff + i], for every element of want past wantOff. */
    static void assertWithinBound(String what, Storage want, int wantOff, Storage bound, Storage got, int gotOff) {
        int n = want.length() - wantOff;
        for (int i = 0; i < n; i++) {
            double tolerance = 1e-5 * bound.get(wantOff + i) + 1e-30;
            double diff = Math.abs(want.get(wantOff + i) - got.get(gotOff + i));
            if (!(diff <= tolerance)) {
                fail(what + ": element " + i + " is " + got.get(gotOff + i) + ", expected " + want.get(wantOff + i)
                        + " within " + tolerance);
            }
        }
    }
}
