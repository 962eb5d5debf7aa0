package jgrad.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The optimizer kernels other than Adam (SGD, Adagrad, RMSprop, the penalty gradient, the norm clipping).
 * First the scalar backend against the loops the optimizers ran over {@code Storage.get/set} before
 * these rules became kernels, written out here: the same bits, in F32 and F64, at offsets. Then the
 * SIMD backend against the scalar one, bit for bit, at awkward sizes (those of the float lanes and of
 * the double lanes the SIMD rules compute in, primes, sizes split across threads).
 */
class OptimKernelsTest {

    private static final DType[] DTYPES = {DType.F32, DType.F64};
    private static final SgdStep[] SGD = {
        new SgdStep(0.1, 0, false), new SgdStep(0.03, 0.9, false), new SgdStep(0.07, 0.8, true),
    };

    private final ScalarBackend scalar = new ScalarBackend();

    /** off leading values to skip, then n in [lo, hi), about one in sixteen an exact 0 or −0. */
    private static Storage random(SplittableRandom rnd, DType dt, int off, int n, double lo, double hi) {
        Storage s = Storage.onHost(dt, off + n);
        for (int i = 0; i < s.length(); i++) {
            int pick = rnd.nextInt(32);
            s.set(i, pick == 0 ? 0.0 : pick == 1 ? -0.0 : lo + (hi - lo) * rnd.nextDouble());
        }
        return s;
    }

    private static Storage copy(Storage s) {
        Storage c = Storage.onHost(s.dtype(), s.length());
        for (int i = 0; i < s.length(); i++) {
            c.set(i, s.get(i));
        }
        return c;
    }

    /** Every element the same bits (−0 differs from 0). */
    private static void assertSameBits(String what, Storage expected, Storage actual) {
        assertEquals(expected.length(), actual.length(), what + ": length");
        for (int i = 0; i < expected.length(); i++) {
            if (Double.doubleToLongBits(expected.get(i)) != Double.doubleToLongBits(actual.get(i))) {
                fail(what + ": element " + i + " is " + actual.get(i) + ", expected " + expected.get(i));
            }
        }
    }

    // ------------------------------------------------------------------ the scalar kernels are the old loops

    @Test
    void scalarSgdIsTheOldLoop() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (DType dt : DTYPES) {
            for (SgdStep s : SGD) {
                int n = 1000, off = 5, gOff = 2;
                Storage w = random(rnd, dt, off, n, -1, 1), b = random(rnd, dt, off, n, -0.5, 0.5);
                Storage g = random(rnd, dt, gOff, n, -1, 1);
                Storage w0 = copy(w), b0 = copy(b);
                // SGD.update before it became a kernel
                double momentum = s.momentum(), lr = s.lr();
                boolean nesterov = s.nesterov();
                for (int i = 0; i < n; i++) {
                    int p = off + i;
                    double d = g.get(gOff + i);
                    if (momentum > 0) {
                        double bi = momentum * b0.get(p) + d;
                        b0.set(p, bi);
                        d = nesterov ? d + momentum * bi : bi;
                    }
                    w0.set(p, w0.get(p) - lr * d);
                }
                scalar.sgd(n, w, off, s.hasMomentum() ? b : null, g, gOff, s);
                assertSameBits("sgd w " + s + " " + dt, w0, w);
                assertSameBits("sgd b " + s + " " + dt, b0, b);
            }
        }
    }

    @Test
    void scalarAdagradAndRmspropAreTheOldLoops() {
        SplittableRandom rnd = new SplittableRandom(2);
        for (DType dt : DTYPES) {
            int n = 1000, off = 3, gOff = 7;
            double lr = 0.01, eps = 1e-7, rho = 0.9;
            Storage w = random(rnd, dt, off, n, -1, 1), acc = random(rnd, dt, off, n, 0, 0.2);
            Storage g = random(rnd, dt, gOff, n, -1, 1);
            Storage w0 = copy(w), acc0 = copy(acc), w1 = copy(w), v1 = copy(acc);
            for (int i = 0; i < n; i++) {          // Adagrad.update before it became a kernel
                int p = off + i;
                double gi = g.get(gOff + i);
                double si = acc0.get(p) + gi * gi;
                acc0.set(p, si);
                w0.set(p, w0.get(p) - lr * gi / (Math.sqrt(si) + eps));
            }
            for (int i = 0; i < n; i++) {          // RMSprop.update before it became a kernel
                int p = off + i;
                double gi = g.get(gOff + i);
                double vi = rho * v1.get(p) + (1 - rho) * gi * gi;
                v1.set(p, vi);
                w1.set(p, w1.get(p) - lr * gi / (Math.sqrt(vi) + eps));
            }
            Storage wa = copy(w), sa = copy(acc), wr = copy(w), vr = copy(acc);
            scalar.adagrad(n, wa, off, sa, g, gOff, lr, eps);
            scalar.rmsprop(n, wr, off, vr, g, gOff, lr, rho, eps);
            assertSameBits("adagrad w " + dt, w0, wa);
            assertSameBits("adagrad s " + dt, acc0, sa);
            assertSameBits("rmsprop w " + dt, w1, wr);
            assertSameBits("rmsprop v " + dt, v1, vr);
        }
    }

    @Test
    void scalarPenaltyGradientIsTheOldLoop() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (DType dt : DTYPES) {
            for (double[] c : new double[][] {{0, 1.5e-4}, {1e-3, 0}, {2e-3, 5e-2}}) {
                int n = 1000, wOff = 4, gOff = 1;
                Storage w = random(rnd, dt, wOff, n, -1, 1), g = random(rnd, dt, gOff, n, -1e-3, 1e-3);
                Storage want = Storage.onHost(dt, n);
                for (int i = 0; i < n; i++) {      // Optimizer.apply with Regularizer.derivative, before
                    double wi = w.get(wOff + i);
                    want.set(i, g.get(gOff + i) + (c[0] * Math.signum(wi) + 2 * c[1] * wi));
                }
                Storage out = Storage.onHost(dt, n);
                scalar.penaltyGradient(n, w, wOff, g, gOff, out, 0, c[0], c[1]);
                assertSameBits("penalty l1=" + c[0] + " l2=" + c[1] + " " + dt, want, out);
                Storage inPlace = copy(g);         // the optimizer's buffer is both g and out
                scalar.penaltyGradient(n, w, wOff, inPlace, gOff, inPlace, gOff, c[0], c[1]);
                for (int i = 0; i < n; i++) {
                    assertEquals(Double.doubleToLongBits(want.get(i)), Double.doubleToLongBits(inPlace.get(gOff + i)));
                }
            }
        }
    }

    @Test
    void scalarNormClippingIsTheOldLoop() {
        SplittableRandom rnd = new SplittableRandom(4);
        for (DType dt : DTYPES) {
            Storage a = random(rnd, dt, 2, 300, -1, 1), b = random(rnd, dt, 0, 77, -3, 3);
            // GradientClipping before: one double sum over every gradient, then a double factor
            double sumSq = 0;
            for (int i = 0; i < 300; i++) {
                sumSq += a.get(2 + i) * a.get(2 + i);
            }
            for (int i = 0; i < 77; i++) {
                sumSq += b.get(i) * b.get(i);
            }
            Storage acc = Storage.onHost(DType.F64, 3);
            scalar.sumOfSquares(300, a, 2, acc, 1);
            scalar.sumOfSquares(77, b, 0, acc, 1);
            assertEquals(Double.doubleToLongBits(sumSq), Double.doubleToLongBits(acc.get(1)));
            for (double maxNorm : new double[] {0.5, 1e9}) {
                double norm = Math.sqrt(sumSq);
                Storage want = copy(a);
                if (norm > maxNorm) {
                    double scale = maxNorm / norm;
                    for (int i = 0; i < 300; i++) {
                        want.set(2 + i, want.get(2 + i) * scale);
                    }
                }
                Storage got = copy(a);
                scalar.clipToNorm(300, got, 2, acc, 1, maxNorm);
                assertSameBits("clip to " + maxNorm + " " + dt, want, got);
            }
        }
    }

    @Test
    void theSumOfSquaresIsDouble() {
        Storage x = Storage.onHost(DType.F32, 4);
        assertThrows(IllegalArgumentException.class, () -> scalar.sumOfSquares(4, x, 0, Storage.onHost(DType.F32, 1), 0));
        assertThrows(IllegalArgumentException.class, () -> scalar.clipToNorm(4, x, 0, Storage.onHost(DType.F32, 1), 0, 1));
    }

    // ------------------------------------------------------------------ SIMD against scalar, bit for bit

    private static int[] sizes(Backend simd) {
        int lanes = SimdFixture.lanes(simd);
        return new int[] {0, 1, 2, 3, 5, lanes - 1, lanes, lanes + 1, 2 * lanes + 3, 31, 1021, 100_003, 300_007};
    }

    @Test
    void simdRulesEqualScalarBitForBit() {
        Backend simd = SimdFixture.simdOrSkip();
        SplittableRandom rnd = new SplittableRandom(5);
        for (DType dt : DTYPES) {
            for (int n : sizes(simd)) {
                int off = 3, gOff = 1;
                Storage w = random(rnd, dt, off, n, -1, 1), st = random(rnd, dt, off, n, 0, 0.5);
                Storage g = random(rnd, dt, gOff, n, -1, 1);
                String at = " n=" + n + " " + dt;
                for (SgdStep s : SGD) {
                    Storage w1 = copy(w), b1 = copy(st), w2 = copy(w), b2 = copy(st);
                    scalar.sgd(n, w1, off, s.hasMomentum() ? b1 : null, g, gOff, s);
                    simd.sgd(n, w2, off, s.hasMomentum() ? b2 : null, g, gOff, s);
                    assertSameBits("sgd w " + s + at, w1, w2);
                    assertSameBits("sgd b " + s + at, b1, b2);
                }
                Storage w1 = copy(w), s1 = copy(st), w2 = copy(w), s2 = copy(st);
                scalar.adagrad(n, w1, off, s1, g, gOff, 0.01, 1e-10);
                simd.adagrad(n, w2, off, s2, g, gOff, 0.01, 1e-10);
                assertSameBits("adagrad w" + at, w1, w2);
                assertSameBits("adagrad s" + at, s1, s2);
                w1 = copy(w);
                s1 = copy(st);
                w2 = copy(w);
                s2 = copy(st);
                scalar.rmsprop(n, w1, off, s1, g, gOff, 1e-3, 0.9, 1e-7);
                simd.rmsprop(n, w2, off, s2, g, gOff, 1e-3, 0.9, 1e-7);
                assertSameBits("rmsprop w" + at, w1, w2);
                assertSameBits("rmsprop v" + at, s1, s2);
                w1 = copy(w);
                s1 = copy(st);
                w2 = copy(w);
                s2 = copy(st);
                Storage uStart = copy(st), uStart2 = copy(st);   // a mean squared update ≥ 0, as after some steps
                scalar.adadelta(n, w1, off, s1, uStart, g, gOff, 1.0, 0.95, 1e-6);
                simd.adadelta(n, w2, off, s2, uStart2, g, gOff, 1.0, 0.95, 1e-6);
                assertSameBits("adadelta w" + at, w1, w2);
                assertSameBits("adadelta s" + at, s1, s2);
                assertSameBits("adadelta u" + at, uStart, uStart2);
                for (double[] c : new double[][] {{0, 1.5e-4}, {1e-3, 0}, {2e-3, 5e-2}}) {
                    Storage o1 = random(rnd, dt, 2, n, 0, 1), o2 = copy(o1);
                    scalar.penaltyGradient(n, w, off, g, gOff, o1, 2, c[0], c[1]);
                    simd.penaltyGradient(n, w, off, g, gOff, o2, 2, c[0], c[1]);
                    assertSameBits("penalty l1=" + c[0] + " l2=" + c[1] + at, o1, o2);
                    Storage g1 = copy(g), g2 = copy(g);
                    scalar.penaltyGradient(n, w, off, g1, gOff, g1, gOff, c[0], c[1]);
                    simd.penaltyGradient(n, w, off, g2, gOff, g2, gOff, c[0], c[1]);
                    assertSameBits("penalty in place" + at, g1, g2);
                }
                Storage acc1 = Storage.onHost(DType.F64, 2), acc2 = Storage.onHost(DType.F64, 2);
                scalar.sumOfSquares(n, g, gOff, acc1, 1);
                simd.sumOfSquares(n, g, gOff, acc2, 1);
                assertSameBits("sum of squares" + at, acc1, acc2);
                for (double maxNorm : new double[] {0.25, 1e9}) {
                    Storage x1 = copy(g), x2 = copy(g);
                    scalar.clipToNorm(n, x1, gOff, acc1, 1, maxNorm);
                    simd.clipToNorm(n, x2, gOff, acc2, 1, maxNorm);
                    assertSameBits("clip to " + maxNorm + at, x1, x2);
                }
            }
        }
    }

    @Test
    void simdPenaltyKeepsSignumsSpecialValues() {
        Backend simd = SimdFixture.simdOrSkip();
        float[] w = {0f, -0f, Float.NaN, 3f, -2f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -0f};
        float[] g = {-0f, -0f, 1f, 0f, 0f, 1f, 1f, 0f, 0f};
        Storage.F32 o1 = new Storage.F32(new float[w.length]), o2 = new Storage.F32(new float[w.length]);
        for (double[] c : new double[][] {{0, 0}, {1e-3, 0}, {0, 0.5}, {1, 1}}) {
            scalar.penaltyGradient(w.length, new Storage.F32(w), 0, new Storage.F32(g), 0, o1, 0, c[0], c[1]);
            simd.penaltyGradient(w.length, new Storage.F32(w), 0, new Storage.F32(g), 0, o2, 0, c[0], c[1]);
            assertSameBits("penalty of special values l1=" + c[0] + " l2=" + c[1], o1, o2);
        }
    }
}
