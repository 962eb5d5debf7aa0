package jgrad.bench;

import java.util.SplittableRandom;

import jgrad.backend.Backend;
import jgrad.backend.Backends;
import jgrad.backend.Device;
import jgrad.backend.Storage;
import jgrad.cuda.CudaBackend;
import jgrad.cuda.CudaProbe;

/**
 * What every benchmark shares: turning the {@code backend} parameter into a backend or a device, and
 * seeded inputs. Kernel benchmarks call a CPU backend directly on host arrays ({@link #of}); tensor and
 * model benchmarks ask {@link #use} for the device their tensors and model belong on: the CPU, whose
 * backend {@link Backends#current()} then is, or the CUDA device (a GPU, or its CPU emulation) with the
 * CPU backend left as it was for host-side work. Every CUDA launch waits for its kernel, so a
 * benchmark that returns a device tensor has timed the work, not just its launch.
 */
public final class BackendChoice {

    /** The seed of every generator in the benchmarks, so that two runs see the same numbers. */
    public static final long SEED = 42;

    private BackendChoice() {
    }

    /**
     * "scalar" or "simd" to the backend of that name (simd fails loudly without the Vector API). The
     * kernel benchmarks that take a backend this way are CPU-only: cuda and cuda-emu are refused.
     */
    public static Backend of(String name) {
        return switch (name) {
            case "scalar" -> Backends.scalar();
            case "simd" -> Backends.simd();
            case "cuda", "cuda-emu" -> throw new IllegalArgumentException("backend=" + name + ": this kernel "
                    + "benchmark calls a CPU backend on host arrays and is CPU-only (scalar or simd); the model and "
                    + "tensor benchmarks run on " + name);
            default -> throw new IllegalArgumentException("backend must be scalar, simd, cuda or cuda-emu, got " + name);
        };
    }

    /**
     * Makes the named backend compute the benchmark's tensors and returns the device they belong on:
     * scalar or simd becomes the current CPU backend ({@link Device#CPU}); cuda or cuda-emu starts the
     * CUDA backend ({@link Device#CUDA}) and refuses, with the probe's reason, where it cannot run.
     */
    public static Device use(String name) {
        switch (name) {
            case "cuda" -> {
                requireAvailable(name, CudaProbe.status());
                new CudaBackend();   // attaches itself to Device.CUDA
                return Device.CUDA;
            }
            case "cuda-emu" -> {
                requireAvailable(name, CudaProbe.emulation());
                CudaBackend.emulated();   // attaches itself to Device.CUDA
                return Device.CUDA;
            }
            default -> {
                Backends.use(of(name), "benchmark parameter backend=" + name);
                return Device.CPU;
            }
        }
    }

    /**
     * Why the named CUDA backend cannot run here, or null where it can (or where the name is a CPU
     * backend): what {@code ./jgrad bench --backend} checks before it starts JMH.
     */
    public static String unavailableReason(String name) {
        CudaProbe.Status status = switch (name) {
            case "cuda" -> CudaProbe.status();
            case "cuda-emu" -> CudaProbe.emulation();
            default -> null;
        };
        return status == null || status.available() ? null : "backend=" + name + ": " + status.reason();
    }

    private static void requireAvailable(String name, CudaProbe.Status status) {
        if (!status.available()) {
            throw new IllegalStateException(unavailableReason(name));
        }
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
