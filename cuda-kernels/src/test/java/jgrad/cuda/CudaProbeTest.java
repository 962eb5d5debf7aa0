package jgrad.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The probe on a machine without a GPU gives a reason, never a crash, and opening the backend fails with an
 * exception; the emulation's probe names a missing compiler.
 */
class CudaProbeTest {

    /** Where the NVIDIA driver puts its device node: absent, no CUDA driver is loaded here. */
    private static boolean driverLoaded() {
        return Files.exists(Path.of("/dev/nvidiactl"));
    }

    @Test
    void probesOnceAndCachesTheAnswer() {
        CudaProbe.Status first = CudaProbe.status();
        assertSame(first, CudaProbe.status());
        assertFalse(first.reason().isBlank());
        assertTrue(first.available() || first.reason().startsWith("no GPU: "), first.reason());
        assertTrue(CudaProbe.describe().startsWith("CUDA: "), CudaProbe.describe());
    }

    @Test
    void withoutADriverTheReasonNamesIt() {
        assumeFalse(driverLoaded(), "an NVIDIA driver is loaded on this machine");
        CudaProbe.Status s = CudaProbe.status();
        assertFalse(s.available());
        assertTrue(s.reason().startsWith("no GPU: no CUDA driver (libcuda.so.1 cannot be loaded)"), s.reason());
        assertEquals("CUDA: " + s.reason(), CudaProbe.describe());
    }

    @Test
    void withoutAGpuOpeningTheBackendFailsCleanly() {
        assumeFalse(CudaProbe.status().available(), "a GPU is available");
        assertThrows(Throwable.class, CudaBackend::new, "opening the CUDA backend without a GPU must fail");
    }

    @Test
    void theEmulationProbeIsCachedAndNamesAMissingCompiler() {
        assertSame(CudaProbe.emulation(), CudaProbe.emulation());
        assertTrue(CudaProbe.describeEmulation().startsWith("cuda-emu: "), CudaProbe.describeEmulation());
        String before = System.getProperty("jgrad.cuda.emu.cxx");
        System.setProperty("jgrad.cuda.emu.cxx", "/no/such/g++");
        try {
            String[] why = new String[1];
            assertEquals(null, EmulatorLibrary.compilerVersion(why));
            assertEquals("no /no/such/g++ on the PATH (cuda-emu compiles the CUDA kernels with it)", why[0]);
            CudaException e = assertThrows(CudaException.class, EmulatorLibrary::build);
            assertEquals("cuda-emu is not available: " + why[0], e.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty("jgrad.cuda.emu.cxx");
            } else {
                System.setProperty("jgrad.cuda.emu.cxx", before);
            }
        }
    }
}
