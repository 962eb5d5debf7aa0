package jgrad.cuda.emu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import jgrad.backend.DType;
import jgrad.backend.ScalarBackend;
import jgrad.backend.SgdStep;
import jgrad.backend.Storage;
import org.junit.jupiter.api.Test;

/**
 * The optimizer kernels of optim.cu other than Adam (sgd, adagrad, rmsprop, penalty_gradient,
 * sum_of_squares, clip_to_norm), compiled for the host, against {@link ScalarBackend} at awkward sizes,
 * in F32 and F64, under several launch shapes. Like the reference they compute in double and round once
 * on store, so the elementwise rules must give its bits exactly; the one-block sum of squares adds in
 * another order than the reference's sequential sum, so it is held to the error bound of such sums.
 */
class EmulatedOptimKernelsTest extends EmulatedKernelFixture {

    private static final int[] SIZES = {0, 1, 31, 32, 33, 257, 1021, 5003};
    private static final SgdStep[] SGD = {
        new SgdStep(0.1, 0, false), new SgdStep(0.03, 0.9, false), new SgdStep(0.07, 0.8, true),
    };

    private final ScalarBackend ref = new ScalarBackend();
    private final Random random = new Random(20260607);
    private final StringBuilder input = new StringBuilder();
    private final List<String> labels = new ArrayList<>();
    private final List<Storage> expected = new ArrayList<>();

    EmulatedOptimKernelsTest() {
        super(new int[][] {{1, 32}, {3, 32}, {2, 64}, {5, 128}, {1, 256}});
    }

    /** Values in [lo, hi), with exact zeros of both signs now and then. */
    private Storage randomStorage(DType dt, int n, double lo, double hi) {
        Storage s = Storage.onHost(dt, n);
        for (int i = 0; i < n; i++) {
            int pick = random.nextInt(32);
            s.set(i, pick == 0 ? 0.0 : pick == 1 ? -0.0 : lo + (hi - lo) * random.nextDouble());
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

    private void expect(Command command, String label, Storage... outputs) {
        input.append(command);
        for (Storage out : outputs) {
            labels.add(label);
            expected.add(out);
        }
    }

    /** Runs every command in one driver process; outputs must equal the reference bit for bit. */
    private List<double[]> runExact() throws Exception {
        List<double[]> got = driver().run(input.toString());
        assertEquals(expected.size(), got.size(), "outputs written by the driver");
        for (int k = 0; k < got.size(); k++) {
            Storage want = expected.get(k);
            double[] g = got.get(k);
            assertEquals(want.length(), g.length, labels.get(k) + ": length");
            for (int i = 0; i < g.length; i++) {
                if (Double.doubleToLongBits(want.get(i)) != Double.doubleToLongBits(g[i])) {
                    fail(labels.get(k) + ": element " + i + " is " + g[i] + ", the reference says " + want.get(i));
                }
            }
        }
        return got;
    }

    @Test
    void rulesEqualTheReferenceBitForBit() throws Exception {
        driver();
        for (DType dt : DTYPES) {
            for (int n : SIZES) {
                String at = " n=" + n + " " + dt;
                Storage w = randomStorage(dt, n, -1, 1), st = randomStorage(dt, n, 0, 0.5);
                Storage g = randomStorage(dt, n, -1, 1);
                for (SgdStep s : SGD) {
                    Command cmd = command("sgd", dt).real(s.lr()).real(s.momentum()).ints(s.nesterov() ? 1 : 0)
                            .array(w).array(s.hasMomentum() ? st : Storage.onHost(dt, 0)).array(g);
                    Storage w1 = copy(w), b1 = copy(st);
                    ref.sgd(n, w1, 0, s.hasMomentum() ? b1 : null, g, 0, s);
                    expect(cmd, "sgd " + s + at, w1, s.hasMomentum() ? b1 : Storage.onHost(dt, 0));
                }
                Storage w1 = copy(w), s1 = copy(st);
                Command cmd = command("adagrad", dt).real(0.01).real(1e-10).array(w).array(st).array(g);
                ref.adagrad(n, w1, 0, s1, g, 0, 0.01, 1e-10);
                expect(cmd, "adagrad" + at, w1, s1);
                w1 = copy(w);
                s1 = copy(st);
                cmd = command("rmsprop", dt).real(1e-3).real(0.9).real(1e-7).array(w).array(st).array(g);
                ref.rmsprop(n, w1, 0, s1, g, 0, 1e-3, 0.9, 1e-7);
                expect(cmd, "rmsprop" + at, w1, s1);
                for (double[] c : new double[][] {{0, 1.5e-4}, {1e-3, 0}, {2e-3, 5e-2}}) {
                    Storage out = Storage.onHost(dt, n);
                    ref.penaltyGradient(n, w, 0, g, 0, out, 0, c[0], c[1]);
                    expect(command("penalty_gradient", dt).real(c[0]).real(c[1]).array(w).array(g),
                            "penalty l1=" + c[0] + " l2=" + c[1] + at, out);
                }
                for (double sumSq : new double[] {0, 0.01, 4, 1e6}) {
                    Storage sum = new Storage.F64(new double[] {sumSq});
                    Storage x = copy(g);
                    ref.clipToNorm(n, x, 0, sum, 0, 1.5);
                    expect(command("clip_to_norm", dt).real(1.5).array(g).array(sum), "clip sumSq=" + sumSq + at, x);
                }
            }
        }
        runExact();
    }

    @Test
    void sumOfSquaresAddsToTheAccumulator() throws Exception {
        driver();
        List<Storage> want = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (DType dt : DTYPES) {
            for (int n : new int[] {0, 1, 31, 257, 5003, 40_000}) {
                Storage x = randomStorage(dt, n, -3, 3);
                Storage acc = new Storage.F64(new double[] {2.5});
                input.append(command("sum_of_squares", dt).array(x).array(acc));
                ref.sumOfSquares(n, x, 0, acc, 0);
                want.add(acc);
                sizes.add(n);
            }
        }
        List<double[]> got = driver().run(input.toString());
        assertEquals(want.size(), got.size());
        for (int k = 0; k < got.size(); k++) {
            double w = want.get(k).get(0);
            // two orders of n positive terms: each within n·2⁻⁵³ of the exact sum
            assertEquals(w, got.get(k)[0], 2.0 * (sizes.get(k) + 1) * 0x1p-53 * w, "sum of squares case " + k);
        }
    }
}
