package jgrad.bench;

import java.util.SplittableRandom;

import jgrad.backend.Backend;
import jgrad.backend.Backends;
import jgrad.backend.Storage;

/**
 * What every benchmark shares: turning the {@code backend} parameter into a backend, and seeded inputs.
 * Kernel benchmarks call the chosen backend directly; tensor-level benchmarks make it the current one
 * with {@link #use}, because tensor operations ask {@link Backends#current()} for theirs.
 */
public final class BackendChoice {

    /** The seed of every generator in the benchmarks, so that two runs see the same numbers. */
    public static final long SEED = 42;

    private BackendChoice() {
    }

    /** "scalar" or "simd" to the backend of that name (simd fails loudly without the Vector API). */
    public static Backend of(String name) {
        return switch (name) {
            case "scalar" -> Backends.scalar();
            case "simd" -> Backends.simd();
            default -> throw new IllegalArgumentException("backend must be scalar or simd, got " + name);
        };
    }

    /** Makes the named backend the one tensor operations use in this fork, and returns it. */
    public static Backend use(String name) {
        Backend b = of(name);
        Backends.use(b, "benchmark parameter backend=" + name);
        return b;
    }

    /** n floats uniform in [lo, hi) from a generator seeded with {@link #SEED} plus {@code stream}. */
    public static float[] uniform(int n, double lo, double hi, long stream) {
        SplittableRandom rng = new SplittableRandom(SEED + stream);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rng.nextDouble(lo, hi);
        }
        return x;
    }

    /** The same, as a storage. */
    public static Storage.F32 uniformStorage(int n, double lo, double hi, long stream) {
        return new Storage.F32(uniform(n, lo, hi, stream));
    }

    /** n ids uniform in [0, bound). */
    public static int[] ids(int n, int bound, long stream) {
        SplittableRandom rng = new SplittableRandom(SEED + stream);
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = rng.nextInt(bound);
        }
        return ids;
    }
}
