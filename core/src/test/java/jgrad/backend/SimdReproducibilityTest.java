package jgrad.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * "Same seed, same backend, same result" across JIT states: each SIMD kernel that computes
 * exp, log, tanh, sigmoid, pow or a horizontal sum gives the same bits cold (interpreted, the
 * Vector API's Java fallback), after C2 has compiled it (the intrinsics), and in a JVM that never
 * compiles at all ({@code -Xint}). Both are child JVMs running {@link ReproducibilityMain}, so the
 * cold call is really the first. Before the kernels used SimdMath and fixed-order lane sums, EXP,
 * TANH, SIGMOID, POW and softmax failed here by an ulp or more (SUM in some runs). The scalar
 * reference's kernels are checked too: HotSpot's interpreter calls the same stubs for Math.exp, log,
 * tanh and pow as C2, so it stays on Math.
 */
class SimdReproducibilityTest {

    @TestFactory
    Stream<DynamicTest> everyKernelGivesTheSameBitsColdCompiledAndInterpreted() throws Exception {
        Assumptions.assumeTrue(Backends.vectorApiAvailable(),
                "jdk.incubator.vector is not readable in this JVM (the scalar run of the suite)");
        Map<String, String[]> jit = run("-XX:-TieredCompilation", "-XX:CompileThreshold=100",
                ReproducibilityMain.class.getName(), "warm");
        Map<String, String[]> interpreted = run("-Xint", ReproducibilityMain.class.getName());
        assertEquals(interpreted.keySet(), jit.keySet(), "both children ran the same kernels");
        return jit.entrySet().stream().map(e -> dynamicTest(e.getKey(), () -> {
            String[] h = e.getValue();
            assertEquals(h[0], h[1], e.getKey() + ": first call vs after " + ReproducibilityMain.WARM_CALLS
                    + " calls (C2)");
            assertEquals(interpreted.get(e.getKey())[0], h[1], e.getKey() + ": -Xint vs C2");
        }));
    }

    /** Runs a child JVM with this one's classpath and vector flags; kernel name → {cold, warm} hash. */
    private static Map<String, String[]> run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "--add-modules=jdk.incubator.vector",
                "-Djgrad.threads=1"));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-XX:UseAVX")) {
                cmd.add(a);
            }
        }
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes());   // stderr holds the incubator warning
        assertEquals(0, p.waitFor(), "child JVM " + cmd + " failed, printed: " + out);
        Map<String, String[]> hashes = new LinkedHashMap<>();
        for (String line : out.strip().split("\n")) {
            String[] f = line.split(" ");
            hashes.put(f[0], new String[] {f[1], f[2]});
        }
        return hashes;
    }
}
