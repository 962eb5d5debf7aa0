package jgrad.backend.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import jgrad.backend.BadSettingException;
import jgrad.backend.Backends;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GEMM's per-CPU choice: reading /proc/cpuinfo and the cache directory, and the plan it makes. */
class SimdGemmConfigTest {

    private static final UnaryOperator<String> NONE = key -> null;

    @BeforeEach
    void vectorApi() {
        Assumptions.assumeTrue(Backends.vectorApiAvailable(), "jdk.incubator.vector is not readable in this JVM");
    }

    @Test
    void readsAZen3LikeMachine(@TempDir Path dir) throws IOException {
        Path cpuinfo = dir.resolve("cpuinfo");
        Files.writeString(cpuinfo, "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13\n"
                + "flags\t\t: fpu sse2 avx fma avx2 bmi2\n\nprocessor\t: 1\nmodel name\t: other\n");
        Path cache = dir.resolve("cache");
        index(cache, 0, 1, "Data", "32K", "0-1");
        index(cache, 1, 1, "Instruction", "32K", "0-1");
        index(cache, 2, 2, "Unified", "512K", "0-1");
        index(cache, 3, 3, "Unified", "32768K", "0-15");
        SimdGemmConfig.Cpu cpu = SimdGemmConfig.Cpu.read(cpuinfo);
        assertEquals("AMD EPYC 7B13", cpu.model());
        assertTrue(cpu.avx2() && cpu.fma());
        assertFalse(cpu.avx512());
        SimdGemmConfig.Caches caches = SimdGemmConfig.Caches.read(cache);
        assertEquals(new SimdGemmConfig.Caches(32 << 10, 512 << 10, 2 << 20, true), caches);

        SimdGemmConfig plan = SimdGemmConfig.plan(8, "amd64", cpu, caches, NONE);  // AVX2: 16 registers
        assertEquals(4, plan.mr);
        assertEquals(16, plan.nr);
        assertEquals(384, plan.kc);                   // 32 KB / (20 · 4 B) = 409 → 384
        assertEquals(160, plan.nc);                   // 256 KB / (384 · 4 B) = 170 → 160
        assertEquals(168, plan.mc);                   // the same, by MR = 4
    }

    @Test
    void wideVectorsGetTheTallTileAndMissingFilesTheDefaults(@TempDir Path dir) {
        SimdGemmConfig.Cpu cpu = SimdGemmConfig.Cpu.read(dir.resolve("absent"));
        SimdGemmConfig.Caches caches = SimdGemmConfig.Caches.read(dir.resolve("absent"));
        assertEquals(SimdGemmConfig.Caches.DEFAULT, caches);
        SimdGemmConfig plan = SimdGemmConfig.plan(16, "amd64", cpu, caches, NONE);
        assertEquals(12, plan.mr);
        assertEquals(32, plan.nr);
        assertEquals(128, plan.kc);                   // 32 KB / (44 · 4 B) = 186 → 128
        assertEquals(SimdGemmConfig.plan(4, "aarch64", cpu, caches, NONE).mr, 12);  // NEON has 32 registers
    }

    @Test
    void anAmdCpuWithoutACacheDirectoryIsSizedFromCpuinfo(@TempDir Path dir) throws IOException {
        Path zen5 = dir.resolve("zen5");
        Files.writeString(zen5, "processor\t: 0\nvendor_id\t: AuthenticAMD\ncpu family\t: 26\nmodel name\t: AMD EPYC\n"
                + "cache size\t: 1024 KB\nflags\t\t: fpu avx fma avx2 avx512f\n");
        SimdGemmConfig.Cpu cpu = SimdGemmConfig.Cpu.read(zen5);
        assertEquals(26, cpu.family());
        SimdGemmConfig.Caches caches = SimdGemmConfig.Caches.fromCpuinfo(cpu);
        assertEquals(48 << 10, caches.l1d());
        assertEquals(1 << 20, caches.l2());
        assertTrue(caches.describe().contains("L1d 48 KB (AMD family 26)"), caches.describe());
        assertEquals(256, SimdGemmConfig.plan(16, "amd64", cpu, caches, NONE).kc);   // 48 KB / (44 · 4 B) = 279 → 256

        Path zen3 = dir.resolve("zen3");
        Files.writeString(zen3, "vendor_id\t: AuthenticAMD\ncpu family\t: 25\ncache size\t: 512 KB\n");
        SimdGemmConfig.Caches zen3Caches = SimdGemmConfig.Caches.fromCpuinfo(SimdGemmConfig.Cpu.read(zen3));
        assertEquals(32 << 10, zen3Caches.l1d());
        assertEquals(512 << 10, zen3Caches.l2());

        // Intel's "cache size" is the shared L3, not a core's L2: no guess is made from it.
        Path intel = dir.resolve("intel");
        Files.writeString(intel, "vendor_id\t: GenuineIntel\ncpu family\t: 6\ncache size\t: 107520 KB\n");
        assertEquals(SimdGemmConfig.Caches.DEFAULT, SimdGemmConfig.Caches.fromCpuinfo(SimdGemmConfig.Cpu.read(intel)));
    }

    @Test
    void propertiesOverrideEachChoice() {
        Map<String, String> props = Map.of("jgrad.gemm.kernel", "3x3", "jgrad.gemm.kc", "100",
                "jgrad.gemm.mc", "50", "jgrad.gemm.nc", "70");
        SimdGemmConfig plan = SimdGemmConfig.plan(8, "amd64", new SimdGemmConfig.Cpu("x", true, true, false),
                SimdGemmConfig.Caches.DEFAULT, props::get);
        assertEquals(3, plan.mr);
        assertEquals(24, plan.nr);
        assertEquals(100, plan.kc);
        assertEquals(51, plan.mc);                    // rounded up to whole tiles
        assertEquals(72, plan.nc);
        assertThrows(IllegalArgumentException.class, () -> SimdGemmConfig.plan(8, "amd64", new SimdGemmConfig.Cpu("x", true, true, false),
                SimdGemmConfig.Caches.DEFAULT, Map.of("jgrad.gemm.kc", "0")::get));
    }

    @Test
    void parsesSizesListsAndKernels() {
        assertEquals(48 << 10, SimdGemmConfig.Caches.parseSize("48K"));
        assertEquals(32 << 20, SimdGemmConfig.Caches.parseSize("32M"));
        assertEquals(4096, SimdGemmConfig.Caches.parseSize("4096"));
        assertEquals(16, SimdGemmConfig.Caches.countCpus("0-7,16-23"));
        assertEquals(1, SimdGemmConfig.Caches.countCpus("3"));
        assertArrayEquals(new int[] {4, 2}, SimdGemmConfig.parseKernel("4x2"));
        assertArrayEquals(new int[] {12, 2}, SimdGemmConfig.parseKernel("12X2"));
        BadSettingException e = assertThrows(BadSettingException.class, () -> SimdGemmConfig.parseKernel("5x5"));
        assertTrue(e.getMessage().contains("12x2, 6x4, 4x2, 3x3"), e.getMessage());
        assertTrue(SimdGemmConfig.describe().contains("KC " + SimdGemm.KC), SimdGemmConfig.describe());
    }

    @Test
    void slicesOfDepthAreEqualAndAtMostKc() {
        int kc = SimdGemm.KC;
        assertEquals(kc, SimdGemm.sliceDepth(kc));
        assertEquals(5, SimdGemm.sliceDepth(5));
        for (int k : new int[] {kc + 1, 2 * kc, 3 * kc - 1, 4096, 4099}) {
            int d = SimdGemm.sliceDepth(k);
            int slices = (k + d - 1) / d;
            assertTrue(d <= kc && slices == (k + kc - 1) / kc, "k=" + k + " slice " + d);
            assertTrue(k - (slices - 1) * d > d / 2 || slices == 1, "k=" + k + " last slice thin: " + d);
        }
    }

    private static void index(Path cache, int i, int level, String type, String size, String shared) throws IOException {
        Path d = Files.createDirectories(cache.resolve("index" + i));
        Files.writeString(d.resolve("level"), level + "\n");
        Files.writeString(d.resolve("type"), type + "\n");
        Files.writeString(d.resolve("size"), size + "\n");
        Files.writeString(d.resolve("shared_cpu_list"), shared + "\n");
    }
}
