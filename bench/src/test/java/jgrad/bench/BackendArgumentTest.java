package jgrad.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

class BackendArgumentTest {

    private static final UnaryOperator<String> ALL_AVAILABLE = name -> null;

    @Test
    void withoutTheOptionTheArgumentsPassUnchanged() throws Exception {
        String[] args = {"MlpTrainBench", "-p", "backend=simd", "-f", "1"};
        BackendArgument.Translated t = BackendArgument.translate(args, ALL_AVAILABLE);
        assertSame(args, t.args());
        assertNull(t.note());
    }

    @Test
    void aCpuBackendBecomesTheJmhParameter() throws Exception {
        BackendArgument.Translated t = BackendArgument.translate(
                new String[] {"MlpTrainBench", "--backend", "scalar", "-f", "1"}, ALL_AVAILABLE);
        assertArrayEquals(new String[] {"-p", "backend=scalar", "MlpTrainBench", "-f", "1"}, t.args());
        assertNull(t.note());
    }

    @Test
    void aDeviceAlsoExcludesTheCpuOnlyBenchmarksAndSaysSo() throws Exception {
        BackendArgument.Translated t = BackendArgument.translate(
                new String[] {"--backend", "cuda-emu", "MlpTrainBench"}, ALL_AVAILABLE);
        assertArrayEquals(new String[] {"-p", "backend=cuda-emu", "-e", BackendArgument.CPU_ONLY, "MlpTrainBench"},
                t.args());
        assertTrue(t.note().contains("CPU-only"), t.note());
        assertTrue("jgrad.bench.kernels.GemmSquareBench.gemm".matches(".*" + BackendArgument.CPU_ONLY + ".*"));
        assertTrue("jgrad.bench.optim.OptimizerStepBench.step".matches(".*" + BackendArgument.CPU_ONLY + ".*"));
        assertTrue(!"jgrad.bench.models.MlpTrainBench.step".matches(".*" + BackendArgument.CPU_ONLY + ".*"));
    }

    @Test
    void anAbsentDeviceIsRefusedWithTheProbesReasonAndExitCode3() {
        UnaryOperator<String> noGpu = name -> name.equals("cuda") ? "backend=cuda: no GPU: no CUDA driver" : null;
        BackendArgument.Refused e = assertThrows(BackendArgument.Refused.class,
                () -> BackendArgument.translate(new String[] {"--backend", "cuda"}, noGpu));
        assertEquals(3, e.exitCode);
        assertTrue(e.getMessage().startsWith("backend=cuda: no GPU: no CUDA driver"), e.getMessage());
    }

    @Test
    void badUsesAreRefusedWithExitCode2NamingTheProblem() {
        String[][] bad = {
            {"--backend"},
            {"--backend", "tpu"},
            {"--backend", "simd", "--backend", "scalar"},
            {"--backend", "simd", "-p", "backend=scalar"},
        };
        String[] words = {"needs a value", "unknown backend 'tpu'", "given twice", "both given"};
        for (int k = 0; k < bad.length; k++) {
            String[] args = bad[k];
            BackendArgument.Refused e = assertThrows(BackendArgument.Refused.class,
                    () -> BackendArgument.translate(args, ALL_AVAILABLE));
            assertEquals(2, e.exitCode);
            assertTrue(e.getMessage().contains(words[k]), e.getMessage());
        }
    }
}
