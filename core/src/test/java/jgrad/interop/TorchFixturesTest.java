package jgrad.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The shared PyTorch fixtures, loaded and reproduced within their tolerances; skipped when absent. */
class TorchFixturesTest {

    /** Found from the module directory (core/) as ../../shared/interop. */
    static final Path SHARED = Path.of("..", "..", "shared", "interop");

    static void assumeShared() {
        assumeTrue(Files.isDirectory(SHARED), "no PyTorch fixtures at " + SHARED.toAbsolutePath());
    }

    @Test
    void reproducesEveryFixtureWithAJgradArchitecture() throws Exception {
        assumeShared();
        List<String> names = TorchFixtures.names(SHARED);
        assertEquals(List.of("attention_pool", "cnn_small", "dot_recommender", "gru_seq", "lstm_seq", "mlp_fashion"),
                names);
        for (String name : names) {
            TorchFixtures.Result r = TorchFixtures.check(SHARED, name);
            assertTrue(r.passed(), name + ": " + r.problem());
            // far inside the tolerances: f32 sums of at most 784 terms, f64 the same function in double
            assertTrue(r.maxErrorF32() < 1e-5, name + " f32 " + r.maxErrorF32());
            assertTrue(r.maxErrorF64() < 1e-13, name + " f64 " + r.maxErrorF64());
            assertFalse(r.compared().isEmpty(), name);
        }
        assertEquals(List.of("h", "c", "h_n", "c_n", "y"), TorchFixtures.check(SHARED, "lstm_seq").compared());
        assertEquals(List.of("h", "h_n", "y"), TorchFixtures.check(SHARED, "gru_seq").compared());
    }

    @Test
    void aFixtureWhoseOutputsWereAlteredFails(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assumeShared();
        for (String suffix : List.of(".json", ".safetensors", ".inputs.safetensors")) {
            Files.copy(SHARED.resolve("lstm_seq" + suffix), dir.resolve("lstm_seq" + suffix));
        }
        // the outputs of another fixture under this name: the same check must now fail, naming an output
        Files.copy(SHARED.resolve("gru_seq.outputs.safetensors"), dir.resolve("lstm_seq.outputs.safetensors"));
        TorchFixtures.Result r = TorchFixtures.check(dir, "lstm_seq");
        assertFalse(r.passed());
        assertTrue(r.problem().contains("the outputs file has no 'c.f32'") || r.problem().contains("output '"),
                r.problem());
    }
}
