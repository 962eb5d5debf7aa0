package jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jgrad.backend.Backends;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A {@code -Djgrad.*} switch that the SIMD kernels read when their classes load (once per JVM, so in a JVM of its
 * own) and that has a value it does not take is a usage error (exit 2) naming the property and the value.
 */
class BadSettingExitTest {

    @Test
    void aBadKernelSwitchIsAUsageError() throws Exception {
        Assumptions.assumeTrue(Backends.vectorApiAvailable(), "no Vector API in this run: no SIMD backend to make");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder(List.of(java, "--add-modules=jdk.incubator.vector", "-Djgrad.gemm.kc=abc",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "gemm", "8"))
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(ExitCodes.USAGE, p.waitFor(), said);
        assertTrue(said.contains("-Djgrad.gemm.kc=abc: not a whole number"), said);
    }
}
