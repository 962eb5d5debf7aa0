package jgrad.cuda;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jgrad.backend.Device;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CUDA backends the tests run on: "cuda-emu" (the kernels compiled by g++, wherever g++ exists) and
 * "cuda" (a real GPU). One instance of each per JVM; a backend that cannot run here skips the test with
 * the probe's reason, so every report lists both.
 */
final class CudaBackends {

    /** Runs a test once per CUDA driver, with the backend's name as its argument. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cuda-emu", "cuda"})
    @interface OnEach {
    }

    private static CudaBackend emulated;
    private static CudaBackend gpu;

    private CudaBackends() {
    }

    /** The backend named {@code name}, attached to {@link Device#CUDA}; skips the test where it cannot run. */
    static synchronized CudaBackend get(String name) {
        CudaBackend b = switch (name) {
            case "cuda-emu" -> {
                CudaProbe.Status s = CudaProbe.emulation();
                assumeTrue(s.available(), () -> "skipped: cuda-emu " + s.reason());
                if (emulated == null) {
                    emulated = CudaBackend.emulated();
                }
                yield emulated;
            }
            case "cuda" -> {
                CudaProbe.Status s = CudaProbe.status();
                assumeTrue(s.available(), () -> "skipped: " + s.reason());
                if (gpu == null) {
                    gpu = new CudaBackend();
                }
                yield gpu;
            }
            default -> throw new IllegalArgumentException("no CUDA backend named " + name);
        };
        Device.CUDA.attach(b);  // the last one asked for computes the tensors on Device.CUDA
        return b;
    }

    /** The emulated backend; skips the test without g++. */
    static CudaBackend emulated() {
        return get("cuda-emu");
    }
}
