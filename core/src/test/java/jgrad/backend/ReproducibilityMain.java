package jgrad.backend;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import jgrad.backend.Storage;

/**
 * Run in a child JVM by {@link SimdReproducibilityTest}: calls every SIMD kernel whose result once
 * depended on JIT state, and the scalar reference's counterparts (Math.exp, log, tanh, pow), on
 * fixed inputs, first cold, then (with the argument {@code warm}) again
 * after {@link #WARM_CALLS} calls of each, enough for C2 to compile them when the JVM runs with
 * {@code -XX:-TieredCompilation -XX:CompileThreshold=100} as the test starts it. Prints one line per
 * kernel, {@code name coldHash warmHash}, each hash over the raw bits of the whole output.
 */
public final class ReproducibilityMain {

    static final int WARM_CALLS = 500;

    private ReproducibilityMain() {
    }

    public static void main(String[] args) {
        Map<String, Supplier<float[]>> kernels = new LinkedHashMap<>();
        kernels(Backends.simd()).forEach((name, k) -> kernels.put("simd:" + name, k));
        kernels(Backends.scalar()).forEach((name, k) -> kernels.put("scalar:" + name, k));
        Map<String, String> cold = new LinkedHashMap<>();
        kernels.forEach((name, k) -> cold.put(name, bits(k.get())));
        boolean warm = args.length > 0 && args[0].equals("warm");
        if (warm) {
            for (int i = 0; i < WARM_CALLS; i++) {
                kernels.values().forEach(Supplier::get);
            }
        }
        StringBuilder out = new StringBuilder();
        kernels.forEach((name, k) -> out.append(name).append(' ').append(cold.get(name)).append(' ')
                .append(warm ? bits(k.get()) : cold.get(name)).append('\n'));
        System.out.print(out);
    }

    /**
     * The affected kernels on fixed inputs: elementwise ones over 1021 values (enough that the old
     * Vector API transcendentals showed an ulp of difference in each), row kernels over 203.
     */
    static Map<String, Supplier<float[]>> kernels(Backend b) {
        int n = 1021;
        int len = 203;
        float[] x = fill(n, 1, -12, 12);
        float[] pos = fill(n, 2, 0.01, 5);
        for (int i = 0; i < n; i += 2) {
            pos[i] = (float) Math.exp(x[i] * 4);                    // log and pow across many binades
        }
        float[] g = fill(n, 3, -1, 1);
        float[] wide = new float[n];
        for (int i = 0; i < n; i++) {
            wide[i] = pos[i] * g[i];                                   // sums whose order shows in the bits
        }
        Map<String, Supplier<float[]>> k = new LinkedHashMap<>();
        for (UnaryOp op : new UnaryOp[] {UnaryOp.EXP, UnaryOp.LOG, UnaryOp.TANH, UnaryOp.SIGMOID, UnaryOp.POW}) {
            float[] in = op == UnaryOp.LOG || op == UnaryOp.POW ? pos : x;
            k.put(op.name(), () -> unary(b, op, in));
            k.put(op.name() + "'", () -> {
                float[] dx = new float[n];
                b.unaryBackward(op, n, f32(in), 0, f32(unary(b, op, in)), 0, f32(g), 0, f32(dx), 0, 1.7);
                return dx;
            });
        }
        k.put("POW(binary)", () -> {
            float[] o = new float[n];
            b.binary(BinaryOp.POW, n, f32(pos), 0, 1, f32(g), 0, 1, f32(o), 0);
            return o;
        });
        for (boolean log : new boolean[] {false, true}) {
            String name = log ? "log-softmax" : "softmax";
            k.put(name, () -> {
                float[] y = new float[len];
                b.softmax(1, len, f32(x), 0, f32(y), 0, log);
                return y;
            });
            k.put(name + "'", () -> {
                float[] y = new float[len];
                float[] dx = new float[len];
                b.softmax(1, len, f32(x), 0, f32(y), 0, log);
                b.softmaxBackward(1, len, f32(y), 0, f32(g), 0, f32(dx), 0, log);
                return dx;
            });
        }
        for (ReduceOp op : ReduceOp.values()) {
            k.put(op.name(), () -> {
                float[] o = new float[1];
                b.reduce(op, 1, len, 1, f32(wide), 0, f32(o), 0);
                return o;
            });
        }
        k.put("GEMV", () -> {
            float[] o = new float[1];
            b.gemm(false, false, 1, 1, len, f32(wide), 0, len, f32(g), 0, 1, 0, f32(o), 0, 1);
            return o;
        });
        return k;
    }

    private static float[] unary(Backend b, UnaryOp op, float[] in) {
        float[] o = new float[in.length];
        b.unary(op, in.length, f32(in), 0, f32(o), 0, 1.7);
        return o;
    }

    private static Storage.F32 f32(float[] a) {
        return new Storage.F32(a);
    }

    private static float[] fill(int n, long seed, double lo, double hi) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (lo + (hi - lo) * rnd.nextDouble());
        }
        return a;
    }

    /** A hash of the raw bits (NaN payloads and the sign of zero included). */
    private static String bits(float[] a) {
        int[] raw = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            raw[i] = Float.floatToRawIntBits(a[i]);
        }
        return Integer.toHexString(Arrays.hashCode(raw));
    }
}
