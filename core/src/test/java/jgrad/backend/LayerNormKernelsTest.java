package jgrad.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Layer normalization's backend kernels ({@link Backend#layerNormForward}, {@link Backend#layerNormBackward}):
 * the scalar reference against a row worked out by hand, the composition of other primitives against the
 * reference in float64, and the SIMD kernels against the reference, at widths around the vector width and
 * SASRec's 50, with enough rows to spread over the pool.
 */
class LayerNormKernelsTest {

    /** x = (1, 2, 3, 6): μ = 3, variance (4 + 1 + 0 + 9)/4 = 3.5, γ = (1, 2, 1, 1), β = (0, 0, 1, 0), ε = 0.5. */
    @Test
    void scalarReferenceByHand() {
        Storage y = Storage.onHost(DType.F64, 4);
        Storage mean = Storage.onHost(DType.F64, 1);
        Storage rstd = Storage.onHost(DType.F64, 1);
        Backends.scalar().layerNormForward(1, 4, 0.5, f64(9, 1, 2, 3, 6), 1, f64(1, 2, 1, 1), f64(0, 0, 1, 0), y, mean,
                rstd);
        double r = 1 / Math.sqrt(4);
        assertArrayEquals(new double[] {-2 * r, -2 * r, 1, 3 * r}, values(y), 1e-15);
        assertArrayEquals(new double[] {3}, values(mean), 1e-15);
    }

    @Test
    void compositionEqualsTheReference() {
        SplittableRandom rnd = new SplittableRandom(6);
        Backend scalar = Backends.scalar();
        for (int[] c : new int[][] {{1, 1}, {3, 5}, {7, 50}}) {
            int rows = c[0], d = c[1];
            Storage x = uniform(rnd, 3 + rows * d);
            Storage gamma = uniform(rnd, d);
            Storage beta = uniform(rnd, d);
            Storage dy = uniform(rnd, rows * d);
            Storage[] want = run(scalar, rows, d, x, gamma, beta, dy, false);
            Storage[] got = run(scalar, rows, d, x, gamma, beta, dy, true);
            for (int i = 0; i < want.length; i++) {
                assertArrayEquals(values(want[i]), values(got[i]), 1e-12, "rows=" + rows + " d=" + d + " output " + i);
            }
        }
    }

    @Test
    void simdEqualsTheReference() {
        Backend simd = SimdFixture.simdOrSkip();
        int lanes = SimdFixture.lanes(simd);
        SplittableRandom rnd = new SplittableRandom(7);
        for (int[] c : new int[][] {{1, 1}, {4, lanes - 1}, {3, lanes}, {5, lanes + 1}, {2000, 50}}) {
            int rows = c[0], d = c[1];
            Storage.F32 x = SimdFixture.uniform(rnd, 3, rows * d, -2, 3);
            Storage.F32 gamma = SimdFixture.uniform(rnd, 0, d, 0.5, 1.5);
            Storage.F32 beta = SimdFixture.uniform(rnd, 0, d, -1, 1);
            Storage.F32 dy = SimdFixture.uniform(rnd, 0, rows * d, -1, 1);
            Storage[] want = run(Backends.scalar(), rows, d, x, gamma, beta, dy, false);
            Storage[] got = run(simd, rows, d, x, gamma, beta, dy, false);
            String[] names = {"y", "μ", "r", "dx", "dγ", "dβ"};
            for (int i = 0; i < want.length; i++) {
                double atol = i >= 4 ? 1e-5 * rows : 1e-5;
                SimdFixture.assertClose("rows=" + rows + " d=" + d + " " + names[i], ((Storage.F32) want[i]).a,
                        ((Storage.F32) got[i]).a, atol, 1e-4);
            }
        }
    }

    /** {y, μ, r, dx, dγ, dβ} of x read from offset 3, through the backend or its composition. */
    private static Storage[] run(Backend be, int rows, int d, Storage x, Storage gamma, Storage beta, Storage dy,
                                 boolean composed) {
        DType dt = x.dtype();
        Storage[] out = {Storage.onHost(dt, rows * d), Storage.onHost(dt, rows), Storage.onHost(dt, rows),
                Storage.onHost(dt, rows * d), Storage.onHost(dt, d), Storage.onHost(dt, d)};
        if (composed) {
            LayerNormSteps.forward(be, rows, d, 1e-3, x, 3, gamma, beta, out[0], out[1], out[2]);
            LayerNormSteps.backward(be, rows, d, x, 3, gamma, out[1], out[2], dy, out[3], out[4], out[5]);
        } else {
            be.layerNormForward(rows, d, 1e-3, x, 3, gamma, beta, out[0], out[1], out[2]);
            be.layerNormBackward(rows, d, x, 3, gamma, out[1], out[2], dy, out[3], out[4], out[5]);
        }
        return out;
    }

    private static Storage f64(double... v) {
        Storage s = Storage.onHost(DType.F64, v.length);
        for (int i = 0; i < v.length; i++) {
            s.set(i, v[i]);
        }
        return s;
    }

    private static Storage uniform(SplittableRandom rnd, int n) {
        Storage s = Storage.onHost(DType.F64, n);
        for (int i = 0; i < n; i++) {
            s.set(i, rnd.nextDouble(-2, 2));
        }
        return s;
    }

    private static double[] values(Storage s) {
        double[] v = new double[s.length()];
        for (int i = 0; i < v.length; i++) {
            v[i] = s.get(i);
        }
        return v;
    }
}
