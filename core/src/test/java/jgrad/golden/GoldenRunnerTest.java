package jgrad.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import jgrad.io.Json;
import jgrad.backend.DType;

class GoldenRunnerTest {

    /** The shared cases, found from the module directory (core/) as ../../shared/golden. */
    private static final Path SHARED = Path.of("..", "..", "shared", "golden");

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void everySharedCasePasses(DType dtype) throws IOException {
        assumeTrue(Files.isDirectory(SHARED), "no shared golden cases at " + SHARED.toAbsolutePath() + ": skipped");
        long files;
        try (var s = Files.list(SHARED)) {
            files = s.filter(f -> f.toString().endsWith(".json")).count();
        }
        GoldenRunner.Summary s = GoldenRunner.runDirectory(SHARED, dtype, out);
        assertEquals(0, s.failed(), printed());
        assertEquals(files, s.passed(), printed());
        assertTrue(printed().endsWith(files + " passed, 0 failed" + System.lineSeparator()), printed());
    }

    /** The same cases with every tensor on a device that refuses host access: nothing is read behind its back. */
    @org.junit.jupiter.api.Test
    void everySharedCasePassesOnADeviceThatRefusesHostAccess() throws IOException {
        assumeTrue(Files.isDirectory(SHARED), "no shared golden cases at " + SHARED.toAbsolutePath() + ": skipped");
        int status = GoldenRunner.run(new String[] {SHARED.toString()}, out, jgrad.testing.GuardedDevice.create());
        assertEquals(0, status, printed());
        assertTrue(printed().contains(" passed, 0 failed"), printed());
    }

    /** Cases of other shapes and options (generate.py beside them: numpy forwards, finite-difference gradients). */
    @ParameterizedTest
    @EnumSource(DType.class)
    void extraCasesOfOtherShapesAndOptionsPass(DType dtype) throws Exception {
        Path extra = Path.of(getClass().getResource("/golden-extra").toURI());
        GoldenRunner.Summary s = GoldenRunner.runDirectory(extra, dtype, out);
        assertEquals(0, s.failed(), printed());
        assertEquals(15, s.passed(), printed());
    }

    @Test
    void aCorruptedValueFailsNamingTheTensor() throws IOException {
        assumeTrue(Files.isDirectory(SHARED), "no shared golden cases at " + SHARED.toAbsolutePath() + ": skipped");
        Map<String, Object> lstm = read(SHARED.resolve("lstm_b2_t3_in3_h4.json"));
        corruptFirst(lstm, "grads", "W_hc", 1e-3);
        write(lstm, "corrupt.json");
        GoldenRunner.Summary s = GoldenRunner.runDirectory(tmp, DType.F64, out);
        assertEquals(1, s.failed(), printed());
        assertTrue(printed().contains("FAIL") && printed().contains("grad W_hc[0]"), printed());
        assertTrue(printed().contains("0 passed, 1 failed"), printed());
    }

    @Test
    void aCorruptedOutputFailsInF32Too() throws IOException {
        assumeTrue(Files.isDirectory(SHARED), "no shared golden cases at " + SHARED.toAbsolutePath() + ": skipped");
        Map<String, Object> dense = read(SHARED.resolve("dense_softmax_b2_in3_out4.json"));
        corruptFirst(dense, "outputs", "y", 0.01);
        write(dense, "corrupt.json");
        assertEquals(1, GoldenRunner.runDirectory(tmp, DType.F32, out).failed(), printed());
        assertTrue(printed().contains("output y[0]"), printed());
    }

    @Test
    void anUnknownOpFailsWithAMessage() throws IOException {
        Files.writeString(tmp.resolve("unknown.json"), """
                {"name": "mystery", "op": "conv9d", "config": {}, "params": {},
                 "inputs": {"x": {"shape": [1], "data": [1]}}, "outputs": {"y": {"shape": [1], "data": [1]}}}
                """);
        GoldenRunner.Summary s = GoldenRunner.runDirectory(tmp, DType.F64, out);
        assertEquals(List.of("mystery"), s.failures());
        assertTrue(printed().contains("FAIL f64 mystery") && printed().contains("unknown op 'conv9d'"), printed());
    }

    @Test
    void aCaseWithNothingToCheckFails() throws IOException {
        Files.writeString(tmp.resolve("empty.json"), """
                {"name": "checks_nothing", "op": "dense", "config": {"activation": "linear"},
                 "params": {"W": {"shape": [1, 2], "data": [1, 2]}, "b": {"shape": [1], "data": [0]}},
                 "inputs": {"x": {"shape": [1, 2], "data": [3, 4]}}, "outputs": {}, "grads": {}}
                """);
        GoldenRunner.Summary s = GoldenRunner.runDirectory(tmp, DType.F64, out);
        assertEquals(List.of("checks_nothing"), s.failures());
        assertTrue(printed().contains("FAIL f64 checks_nothing") && printed().contains("nothing to check"), printed());
    }

    @Test
    void aDeeplyNestedOrBinaryCaseFailsNamingTheFileAndTheRunStillEndsWithItsSummary() throws IOException {
        Files.writeString(tmp.resolve("deep.json"), "{\"name\": " + "[".repeat(50_000));
        Files.write(tmp.resolve("binary.json"), new byte[] {'{', (byte) 0xFF, (byte) 0xFE, 0});
        assertEquals(1, GoldenRunner.run(new String[] {"--dtype", "f64", tmp.toString()}, out));
        assertTrue(printed().contains("deep.json: not valid JSON: nested more than"), printed());
        assertTrue(printed().contains("binary.json: line 1: byte 0xFF"), printed());
        assertTrue(printed().endsWith("0 passed, 2 failed" + System.lineSeparator()), printed());
    }

    @Test
    void aMissingParamFailsWithAMessage() throws IOException {
        Files.writeString(tmp.resolve("nob.json"), """
                {"name": "dense_without_b", "op": "dense", "config": {"activation": "linear"},
                 "params": {"W": {"shape": [1, 2], "data": [1, 2]}},
                 "inputs": {"x": {"shape": [1, 2], "data": [3, 4]}}, "outputs": {"y": {"shape": [1, 1], "data": [11]}}}
                """);
        assertEquals(1, GoldenRunner.runDirectory(tmp, DType.F64, out).failed());
        assertTrue(printed().contains("missing parameter 'b'"), printed());
    }

    /** Recommender cases whose values are worked out here by hand: r̂ = w (p_u·q_i) + b and r̂ = W [p_u; q_i] + b. */
    @Test
    void recommenderOpsAgainstHandComputedValues() throws IOException {
        // P = [[1, 2], [0, -1]] (d=2, U=2: p_0 = (1, 0), p_1 = (2, -1)); Q = [[3, 1, 0], [1, 2, 4]] (q_0 = (3, 1), q_1 = (1, 2), q_2 = (0, 4))
        // users (1, 0), items (2, 0): p·q = (2·0 + −1·4, 1·3 + 0·1) = (−4, 3); w = 0.5, b = 1 → r̂ = (−1, 2.5)
        // ratings (0, 2): loss = ((−1)² + 0.5²)/2 = 0.625; dL/db = mean 2(r̂ − r) = (−2 + 1)/2 = −0.5; dL/dw = (−2·−4 + 1·3)/2 = 5.5
        String common = """
                "P": {"shape": [2, 2], "data": [1, 2, 0, -1]}, "Q": {"shape": [2, 3], "data": [3, 1, 0, 1, 2, 4]},
                """;
        String inputs = """
                "inputs": {"users": {"shape": [2], "data": [1, 0]}, "items": {"shape": [2], "data": [2, 0]},
                           "ratings": {"shape": [2], "data": [0, 2]}},
                "upstream": {"loss": 1}
                """;
        Files.writeString(tmp.resolve("dot.json"), "{\"name\": \"dot\", \"op\": \"dot_recommender\", \"params\": {" + common
                + "\"w\": {\"shape\": [1, 1], \"data\": [0.5]}, \"b\": {\"shape\": [1], \"data\": [1]}},"
                + "\"outputs\": {\"r_hat\": {\"shape\": [2], \"data\": [-1, 2.5]}, \"loss\": {\"shape\": [], \"data\": [0.625]}},"
                + "\"grads\": {\"b\": {\"shape\": [1], \"data\": [-0.5]}, \"w\": {\"shape\": [1, 1], \"data\": [5.5]}}," + inputs + "}");
        // W = (1, 0, 0, 1): r̂ = (p_u)_1 + (q_i)_2 + b = (2 + 4, 1 + 1) + 0 = (6, 2); loss = (36 + 0)/2 = 18; dL/db = (12 + 0)/2 = 6
        Files.writeString(tmp.resolve("concat.json"), "{\"name\": \"concat\", \"op\": \"concat_recommender\", \"params\": {"
                + common + "\"W\": {\"shape\": [1, 4], \"data\": [1, 0, 0, 1]}, \"b\": {\"shape\": [1], \"data\": [0]}},"
                + "\"outputs\": {\"r_hat\": {\"shape\": [2], \"data\": [6, 2]}, \"loss\": {\"shape\": [], \"data\": [18]}},"
                + "\"grads\": {\"b\": {\"shape\": [1], \"data\": [6]}}," + inputs + "}");
        GoldenRunner.Summary s = GoldenRunner.runDirectory(tmp, DType.F64, out);
        assertEquals(2, s.passed(), printed());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Path p) throws IOException {
        return (Map<String, Object>) Json.parse(Files.readString(p));
    }

    @SuppressWarnings("unchecked")
    private static void corruptFirst(Map<String, Object> c, String section, String tensor, double delta) {
        Map<String, Object> t = (Map<String, Object>) ((Map<String, Object>) c.get(section)).get(tensor);
        List<Object> data = new java.util.ArrayList<>((List<Object>) t.get("data"));
        data.set(0, ((Number) data.get(0)).doubleValue() + delta);
        t.put("data", data);
    }

    private void write(Map<String, Object> c, String name) throws IOException {
        Files.writeString(tmp.resolve(name), Json.write(c));
    }
}
