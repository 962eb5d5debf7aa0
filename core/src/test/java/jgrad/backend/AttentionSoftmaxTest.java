package jgrad.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The masked attention softmax ({@link Backend#attentionSoftmax}): the scalar reference against weights written
 * out by hand, the composition of other primitives against the reference, and the SIMD kernel against both, on
 * sizes around the vector width, one and two heads, with and without a causal mask and a padding mask,
 * including queries that see no key.
 */
class AttentionSoftmaxTest {

    /** T = 3, scale ½, causal, keys 0 and 2 kept: row 0 sees key 0; row 1 sees key 0 only; row 2 keys 0 and 2. */
    @Test
    void scalarReferenceIsTheFormula() {
        double[] s = {1, 9, 9, 2, 4, 9, 3, 5, -1};
        Storage alpha = Storage.onHost(DType.F64, 9);
        Backends.scalar().attentionSoftmax(1, 1, 3, 3, 0.5, true, f64(1, 0, 1), f64(s), 0, alpha);
        double e20 = Math.exp(0.5 * 3);
        double e22 = Math.exp(0.5 * -1);
        assertArrayEquals(new double[] {1, 0, 0, 1, 0, 0, e20 / (e20 + e22), 0, e22 / (e20 + e22)}, values(alpha), 1e-15);
    }

    /** Key 0 dropped: query 0 sees no key under the causal mask and keeps its own; not causal, it sees 1 and 2. */
    @Test
    void aQueryWithNoKeyKeepsItsOwn() {
        double[] s = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        Storage causal = Storage.onHost(DType.F64, 9);
        Backends.scalar().attentionSoftmax(1, 1, 3, 3, 1, true, f64(0, 1, 1), f64(s), 0, causal);
        assertArrayEquals(new double[] {1, 0, 0}, java.util.Arrays.copyOf(values(causal), 3));
        Storage all = Storage.onHost(DType.F64, 9);
        Backends.scalar().attentionSoftmax(1, 1, 3, 3, 1, false, f64(0, 1, 1), f64(s), 0, all);
        double z = Math.exp(2) + Math.exp(3);
        assertArrayEquals(new double[] {0, Math.exp(2) / z, Math.exp(3) / z}, java.util.Arrays.copyOf(values(all), 3),
                1e-15);
    }

    /** The last two of four positions as queries: query 0 stands at position 2 and sees keys 0 … 2 under the causal mask. */
    @Test
    void queriesOfTheLastPositionsSeeTheKeysUpToTheirOwn() {
        double[] s = {1, 2, 3, 4, 5, 6, 7, 8};
        Storage alpha = Storage.onHost(DType.F64, 8);
        Backends.scalar().attentionSoftmax(1, 1, 2, 4, 1, true, null, f64(s), 0, alpha);
        double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertArrayEquals(new double[] {Math.exp(1) / z, Math.exp(2) / z, Math.exp(3) / z, 0},
                java.util.Arrays.copyOf(values(alpha), 4), 1e-15);
    }

    @Test
    void compositionEqualsTheReference() {
        SplittableRandom rnd = new SplittableRandom(3);
        Backend scalar = Backends.scalar();
        for (int[] c : cases(16)) {
            int b = c[0], h = c[1], t = c[2], q = c[3];
            int n = b * h * q * t;
            for (int variant = 0; variant < 4; variant++) {
                boolean causal = (variant & 1) == 1;
                Storage keep = (variant & 2) == 0 ? null : keep(rnd, b, t);
                Storage s = uniformF64(rnd, 3 + n);
                Storage want = Storage.onHost(DType.F64, n);
                Storage got = Storage.onHost(DType.F64, n);
                scalar.attentionSoftmax(b, h, q, t, 0.7, causal, keep, s, 3, want);
                AttentionSoftmax.forward(scalar, b, h, q, t, 0.7, causal, keep, s, 3, got);
                String what = "B=" + b + " h=" + h + " Tq=" + q + " Tk=" + t + " causal=" + causal + " keep="
                        + (keep != null);
                assertArrayEquals(values(want), values(got), 1e-12, what);
                Storage g = uniformF64(rnd, 2 + n);
                Storage dWant = Storage.onHost(DType.F64, n);
                Storage dGot = Storage.onHost(DType.F64, n);
                scalar.attentionSoftmaxBackward(b * h * q, q, t, 0.7, causal, want, g, 2, dWant);
                AttentionSoftmax.backward(scalar, b * h * q, t, 0.7, want, g, 2, dGot);
                assertArrayEquals(values(dWant), values(dGot), 1e-12, what + " backward");
            }
        }
    }

    @Test
    void simdEqualsTheReference() {
        Backend simd = SimdFixture.simdOrSkip();
        SplittableRandom rnd = new SplittableRandom(4);
        for (int[] c : cases(SimdFixture.lanes(simd))) {
            int b = c[0], h = c[1], t = c[2], q = c[3];
            int n = b * h * q * t;
            for (int variant = 0; variant < 4; variant++) {
                boolean causal = (variant & 1) == 1;
                Storage.F32 keep = (variant & 2) == 0 ? null : (Storage.F32) keep(rnd, b, t);
                Storage.F32 s = SimdFixture.uniform(rnd, 5, n, -4, 4);
                Storage.F32 want = new Storage.F32(new float[n]);
                Storage.F32 got = new Storage.F32(new float[n]);
                java.util.Arrays.fill(got.a, Float.NaN);          // every element must be written
                Backends.scalar().attentionSoftmax(b, h, q, t, 0.3, causal, keep, s, 5, want);
                simd.attentionSoftmax(b, h, q, t, 0.3, causal, keep, s, 5, got);
                String what = "B=" + b + " h=" + h + " Tq=" + q + " Tk=" + t + " causal=" + causal + " keep="
                        + (keep != null);
                SimdFixture.assertClose(what, want.a, got.a, 1e-7, 1e-5);
                Storage.F32 g = SimdFixture.uniform(rnd, 1, n, -1, 1);
                Storage.F32 dWant = new Storage.F32(new float[n]);
                Storage.F32 dGot = new Storage.F32(new float[n]);
                java.util.Arrays.fill(dGot.a, Float.NaN);
                Backends.scalar().attentionSoftmaxBackward(b * h * q, q, t, 0.3, causal, want, g, 1, dWant);
                simd.attentionSoftmaxBackward(b * h * q, q, t, 0.3, causal, want, g, 1, dGot);
                SimdFixture.assertClose(what + " backward", dWant.a, dGot.a, 1e-7, 1e-5);
            }
        }
    }

    /**
     * {batch, heads, keys, queries}: T at 1, around the vector width, a prime, and SASRec's 200 (enough rows for the
     * pool); as many queries as keys, and the last query alone or the last few (the serving path's shapes).
     */
    private static int[][] cases(int lanes) {
        return new int[][] {{1, 1, 1, 1}, {2, 1, lanes - 1, lanes - 1}, {3, 2, lanes, lanes}, {2, 2, lanes + 1, lanes + 1},
                {3, 1, 37, 37}, {4, 1, 200, 200}, {3, 1, 37, 1}, {2, 2, lanes + 1, 3}, {5, 1, 200, 1}};
    }

    /** A keep mask [B, T] with about a third dropped, and batch row 0 dropping its first half. */
    private static Storage keep(SplittableRandom rnd, int b, int t) {
        Storage.F32 k = new Storage.F32(new float[b * t]);
        for (int i = 0; i < b * t; i++) {
            k.a[i] = (i < t && i < t / 2) || rnd.nextDouble() < 0.3 ? 0 : 1;
        }
        return k;
    }

    private static Storage f64(double... v) {
        Storage s = Storage.onHost(DType.F64, v.length);
        for (int i = 0; i < v.length; i++) {
            s.set(i, v[i]);
        }
        return s;
    }

    private static Storage uniformF64(SplittableRandom rnd, int n) {
        Storage s = Storage.onHost(DType.F64, n);
        for (int i = 0; i < n; i++) {
            s.set(i, rnd.nextDouble(-4, 4));
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
