package jgrad.cuda.emu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import jgrad.backend.BinaryOp;
import jgrad.backend.ReduceOp;
import jgrad.backend.ScalarBackend;
import jgrad.backend.UnaryOp;
import jgrad.backend.DType;
import jgrad.backend.Storage;
import org.junit.jupiter.api.Test;

/**
 * Every kernel of src/main/cuda, compiled for the host through cuda_host_emu.h, against
 * {@link ScalarBackend} on awkward sizes, in F32 and F64, under several grid and block shapes
 * (grid-stride loops must be right whatever the host launches).
 */
class EmulatedKernelsTest extends EmulatedKernelFixture {

    private static final int[] SIZES = {0, 1, 31, 32, 33, 1021, 5003};

    private final ScalarBackend ref = new ScalarBackend();
    private final Random random = new Random(20260522);

    EmulatedKernelsTest() {
        super(new int[][] {{1, 32}, {3, 32}, {2, 64}, {5, 128}});
    }

    /** Values in [−3, 3); half of them on a grid of quarters so that comparisons meet equality. */
    private Storage randomStorage(DType dtype, int n, DoubleUnaryOperator shape) {
        Storage s = Storage.onHost(dtype, n);
        for (int i = 0; i < n; i++) {
            double v = random.nextDouble() * 6 - 3;
            s.set(i, shape.applyAsDouble(random.nextBoolean() ? Math.floor(v * 4) / 4 : v));
        }
        return s;
    }

    private Storage randomStorage(DType dtype, int n) {
        return randomStorage(dtype, n, v -> v);
    }

    private static double sumAbs(Storage s) {
        double sum = 0;
        for (int i = 0; i < s.length(); i++) {
            sum += Math.abs(s.get(i));
        }
        return sum;
    }

    @Test
    void binaryOpsWithEveryStep() throws Exception {
        Batch batch = batch();
        for (DType dt : DTYPES) {
            for (BinaryOp op : BinaryOp.values()) {
                for (int n : SIZES) {
                    for (int[] steps : new int[][] {{1, 1}, {0, 1}, {1, 0}}) {
                        Storage a = randomStorage(dt, steps[0] == 0 ? 1 : n, op == BinaryOp.POW ? v -> Math.abs(v) + 0.1 : v -> v);
                        Storage b = randomStorage(dt, steps[1] == 0 ? 1 : n, op == BinaryOp.DIV ? v -> v >= 0 ? v + 0.1 : v : v -> v);
                        Storage want = Storage.onHost(dt, n);
                        ref.binary(op, n, a, 0, steps[0], b, 0, steps[1], want, 0);
                        batch.add(op + " n=" + n + " steps=" + steps[0] + steps[1] + " " + dt,
                                command("binary", dt).ints(op.ordinal(), n, steps[0], steps[1]).array(a).array(b),
                                dt, 1, want);
                    }
                }
            }
        }
        batch.check(driver());
    }

    @Test
    void binaryMaxMinPropagateNaN() throws Exception {
        Batch batch = batch();
        for (BinaryOp op : new BinaryOp[] {BinaryOp.MAX, BinaryOp.MIN}) {
            Storage a = new Storage.F32(new float[] {Float.NaN, 1, Float.NEGATIVE_INFINITY, 2});
            Storage b = new Storage.F32(new float[] {1, Float.NaN, 5, Float.POSITIVE_INFINITY});
            Storage want = Storage.onHost(DType.F32, 4);
            ref.binary(op, 4, a, 0, 1, b, 0, 1, want, 0);
            batch.add(op + " with NaN", command("binary", DType.F32).ints(op.ordinal(), 4, 1, 1).array(a).array(b),
                    DType.F32, 1, want);
        }
        batch.check(driver());
    }

    private static DoubleUnaryOperator domainOf(UnaryOp op) {
        return switch (op) {
            case LOG, SQRT, POW -> v -> Math.abs(v) + 0.1;
            default -> v -> v;
        };
    }

    @Test
    void unaryOpsAndTheirGradients() throws Exception {
        Batch batch = batch();
        for (DType dt : DTYPES) {
            for (UnaryOp op : UnaryOp.values()) {
                double alpha = op == UnaryOp.POW ? 1.5 : op == UnaryOp.LEAKY_RELU ? 0.01 : -0.75;
                for (int n : SIZES) {
                    Storage x = randomStorage(dt, n, domainOf(op));
                    Storage y = Storage.onHost(dt, n);
                    ref.unary(op, n, x, 0, y, 0, alpha);
                    String label = op + " n=" + n + " " + dt;
                    batch.add(label, command("unary", dt).ints(op.ordinal()).real(alpha).array(x), dt, 1, y);
                    Storage g = randomStorage(dt, n);
                    Storage dx = Storage.onHost(dt, n);
                    ref.unaryBackward(op, n, x, 0, y, 0, g, 0, dx, 0, alpha);
                    batch.add(label + " backward", command("unary_backward", dt).ints(op.ordinal()).real(alpha)
                            .array(x).array(y).array(g), dt, 1, dx);
                }
            }
        }
        batch.check(driver());
    }

    @Test
    void fill() throws Exception {
        Batch batch = batch();
        for (DType dt : DTYPES) {
            for (int n : SIZES) {
                double value = random.nextGaussian();
                Storage want = Storage.onHost(dt, n);
                ref.fill(n, want, 0, value);
                batch.add("fill n=" + n + " " + dt, command("fill", dt).ints(n).real(value), dt, 1, want);
            }
        }
        batch.check(driver());
    }

    private static final int[][] REDUCE_SHAPES = {
        {0, 3, 1}, {1, 1, 1}, {3, 31, 1}, {2, 32, 1}, {5, 33, 1}, {2, 1021, 1}, {1, 40_000, 1},
        {2, 3, 5}, {3, 33, 31}, {1, 1021, 2}, {4, 7, 1021}, {2, 200, 300}, {3, 0, 4}
    };

    @Test
    void reduceOverTheMiddleAxis() throws Exception {
        Batch batch = batch();
        for (DType dt : DTYPES) {
            for (ReduceOp op : ReduceOp.values()) {
                for (int[] s : REDUCE_SHAPES) {
                    if (op == ReduceOp.MAX && s[1] == 0) {
                        continue;  // MAX needs len >= 1
                    }
                    Storage x = randomStorage(dt, s[0] * s[1] * s[2]);
                    Storage want = Storage.onHost(dt, s[0] * s[2]);
                    ref.reduce(op, s[0], s[1], s[2], x, 0, want, 0);
                    String label = op + " [" + s[0] + "," + s[1] + "," + s[2] + "] " + dt;
                    double scale = 1 + sumAbs(x);
                    batch.add(label + " cols", command("reduce_cols", dt).ints(op.ordinal(), s[0], s[1], s[2]).array(x),
                            dt, scale, want);
                    if (s[2] == 1) {
                        batch.add(label + " rows", command("reduce_rows", dt).ints(op.ordinal(), s[0], s[1], 1)
                                .array(x), dt, scale, want);
                    }
                }
            }
        }
        batch.check(driver());
    }

    private static final int[][] SOFTMAX_SHAPES = {{0, 5}, {1, 1}, {3, 31}, {2, 32}, {5, 33}, {3, 1021}, {1, 40_000}};

    @Test
    void softmaxAndLogSoftmaxWithTheirBackward() throws Exception {
        Batch batch = batch();
        for (DType dt : DTYPES) {
            for (boolean log : new boolean[] {false, true}) {
                for (int[] s : SOFTMAX_SHAPES) {
                    int n = s[0] * s[1];
                    Storage x = randomStorage(dt, n, v -> v * 30);  // spreads to ±90: unshifted e^x would overflow F32
                    Storage y = Storage.onHost(dt, n);
                    ref.softmax(s[0], s[1], x, 0, y, 0, log);
                    String label = (log ? "log-softmax " : "softmax ") + s[0] + "x" + s[1] + " " + dt;
                    int flag = log ? 1 : 0;
                    batch.add(label, command("softmax", dt).ints(s[0], s[1], flag).array(x), dt, 1, y);
                    Storage g = randomStorage(dt, n);
                    Storage dx = Storage.onHost(dt, n);
                    ref.softmaxBackward(s[0], s[1], y, 0, g, 0, dx, 0, log);
                    batch.add(label + " backward", command("softmax_backward", dt).ints(s[0], s[1], flag)
                            .array(y).array(g), dt, 1 + sumAbs(g) / Math.max(1, s[0]), dx);
                }
            }
        }
        batch.check(driver());
    }

    @Test
    void gatherAndScatterAddRowsWithRepeatedIds() throws Exception {
        Batch batch = batch();
        int tableRows = 7;
        for (DType dt : DTYPES) {
            for (int rowLen : new int[] {0, 1, 31, 33, 1021}) {
                for (int count : new int[] {0, 1, 33, 200}) {
                    int[] ids = random.ints(count, 0, tableRows).toArray();
                    Storage table = randomStorage(dt, tableRows * rowLen);
                    Storage gathered = Storage.onHost(dt, count * rowLen);
                    ref.gatherRows(ids, rowLen, table, 0, gathered, 0);
                    String label = count + " ids, rows of " + rowLen + " " + dt;
                    batch.add("gather " + label, command("gather_rows", dt).ints(rowLen).intArray(ids).array(table),
                            dt, 1, gathered);
                    Storage src = randomStorage(dt, count * rowLen);
                    Storage scattered = Storage.onHost(dt, table.length());
                    ref.copy(new int[] {table.length()}, table, 0, new int[] {1}, scattered, 0);
                    ref.scatterAddRows(ids, rowLen, src, 0, scattered, 0);
                    batch.add("scatter-add " + label, command("scatter_add_rows", dt).ints(rowLen).intArray(ids)
                            .array(src).array(table), dt, 1 + 3.0 * count / tableRows, scattered);
                }
            }
        }
        batch.check(driver());
    }

    /** Views of a contiguous source: permuted axes, broadcast (stride 0) axes, an offset, up to rank 8. */
    private static final int[][][] COPY_VIEWS = {
        {{}, {}}, {{0, 3}, {3, 1}}, {{1}, {1}}, {{31}, {2}}, {{33, 3}, {1, 33}}, {{4, 5, 3}, {1, 12, 4}},
        {{5, 1021}, {0, 1}}, {{2, 3, 2, 3, 2, 3, 2, 3}, {1, 2, 6, 12, 24, 48, 96, 192}}, {{200, 201}, {1, 200}}
    };

    @Test
    void stridedCopy() throws Exception {
        Batch batch = batch();
        for (DType dt : DTYPES) {
            for (int[][] view : COPY_VIEWS) {
                int[] shape = view[0];
                int[] strides = view[1];
                int offset = 3;
                int reach = offset + 1;
                int total = 1;
                for (int d = 0; d < shape.length; d++) {
                    reach += Math.max(0, shape[d] - 1) * strides[d];
                    total *= shape[d];
                }
                Storage src = randomStorage(dt, reach);
                Storage want = Storage.onHost(dt, total);
                ref.copy(shape, src, offset, strides, want, 0);
                batch.add("copy shape " + java.util.Arrays.toString(shape) + " " + dt,
                        command("copy", dt).ints(shape.length).ints(shape).ints(strides).ints(offset).array(src),
                        dt, 1, want);
            }
        }
        batch.check(driver());
    }

    @Test
    void optimizerUpdates() throws Exception {
        Batch batch = batch();
        for (DType dt : DTYPES) {
            for (int n : SIZES) {
                addSgd(batch, dt, n, 0.05, 0.9);
                addAdam(batch, dt, n, 0.001, 0.9, 0.999, 1e-8, 3);
            }
        }
        batch.check(driver());
    }

    /** The reference update, written from the formula: v ← μv + g; p ← p − lr·v. */
    private void addSgd(Batch batch, DType dt, int n, double lr, double mu) {
        Storage p = randomStorage(dt, n);
        Storage v = randomStorage(dt, n);
        Storage g = randomStorage(dt, n);
        Command cmd = command("sgd_momentum", dt).real(lr).real(mu).array(p).array(v).array(g);
        Storage p1 = Storage.onHost(dt, n);
        Storage v1 = Storage.onHost(dt, n);
        for (int i = 0; i < n; i++) {
            v1.set(i, mu * v.get(i) + g.get(i));
            p1.set(i, p.get(i) - lr * v1.get(i));
        }
        batch.add("sgd momentum n=" + n + " " + dt, cmd, dt, 1, p1, v1);
    }

    /** The reference Adam step t, from the formula with bias corrections 1−βᵗ. */
    private void addAdam(Batch batch, DType dt, int n, double lr, double b1, double b2, double eps, int t) {
        Storage p = randomStorage(dt, n);
        Storage m = randomStorage(dt, n, v -> v / 10);
        Storage v = randomStorage(dt, n, x -> x * x / 10);
        Storage g = randomStorage(dt, n);
        double c1 = 1 - Math.pow(b1, t);
        double c2 = 1 - Math.pow(b2, t);
        Command cmd = command("adam", dt).real(lr).real(b1).real(b2).real(eps).real(c1).real(c2)
                .array(p).array(m).array(v).array(g);
        Storage p1 = Storage.onHost(dt, n);
        Storage m1 = Storage.onHost(dt, n);
        Storage v1 = Storage.onHost(dt, n);
        for (int i = 0; i < n; i++) {
            m1.set(i, b1 * m.get(i) + (1 - b1) * g.get(i));
            v1.set(i, b2 * v.get(i) + (1 - b2) * g.get(i) * g.get(i));
            p1.set(i, p.get(i) - lr * (m1.get(i) / c1) / (Math.sqrt(v1.get(i) / c2) + eps));
        }
        batch.add("adam n=" + n + " " + dt, cmd, dt, 1, p1, m1, v1);
    }

    @Test
    void aBrokenKernelCallIsReported() throws Exception {
        HostDriver driver = driver();
        try {
            driver.run("no_such_kernel f32 1 32\n");
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage().contains("unknown kernel no_such_kernel"), e.getMessage());
            return;
        }
        throw new AssertionError("the driver accepted an unknown kernel");
    }
}
