package jgrad.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jgrad.backend.DType;
import jgrad.io.ModelFileException;
import jgrad.io.SafeTensors;
import jgrad.nn.Module;
import jgrad.tensor.Tensor;

/** Loading refuses what does not fit, naming it; exporting gives back PyTorch's names and function. */
class TorchMappingTest {

    private static Architecture lstm() {
        return Architectures.all().stream().filter(a -> a.matches(List.of("torch.nn.LSTM", "torch.nn.Linear")))
                .findFirst().orElseThrow();
    }

    private static Map<String, Tensor> randomLstmStateDict(int in, int hidden, int out, int seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("lstm.weight_ih_l0", Tensor.rand(rng, DType.F32, -0.5, 0.5, 4 * hidden, in));
        t.put("lstm.weight_hh_l0", Tensor.rand(rng, DType.F32, -0.5, 0.5, 4 * hidden, hidden));
        t.put("lstm.bias_ih_l0", Tensor.rand(rng, DType.F32, -0.5, 0.5, 4 * hidden));
        t.put("lstm.bias_hh_l0", Tensor.rand(rng, DType.F32, -0.5, 0.5, 4 * hidden));
        t.put("fc.weight", Tensor.rand(rng, DType.F32, -0.5, 0.5, out, hidden));
        t.put("fc.bias", Tensor.rand(rng, DType.F32, -0.5, 0.5, out));
        return t;
    }

    @Test
    void aShapeThatDiffersNamesTheTensorAndBothShapes(@TempDir Path dir) throws Exception {
        Map<String, Tensor> torch = randomLstmStateDict(8, 16, 3, 1);
        torch.put("fc.weight", Tensor.zeros(DType.F32, 3, 12));
        Path file = dir.resolve("bad.safetensors");
        SafeTensors.write(file, torch, Map.of());
        Module model = new LstmClassifier(8, 16, 3, DType.F32);
        ModelFileException e = assertThrows(ModelFileException.class, () -> lstm().mapping().load(model, file));
        assertTrue(e.getMessage().contains("bad.safetensors"), e.getMessage());
        assertTrue(e.getMessage().contains("tensor 'fc.weight': the file has shape [3, 12], the model expects [3, 16]"),
                e.getMessage());
    }

    @Test
    void missingAndUnexpectedNamesAreListed() {
        Map<String, Tensor> torch = randomLstmStateDict(8, 16, 3, 1);
        torch.put("fc.weights", torch.remove("fc.weight"));
        Module model = new LstmClassifier(8, 16, 3, DType.F32);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lstm().mapping().load(model, torch));
        assertEquals("the tensors do not match the model's mapping: missing [fc.weight], unexpected [fc.weights]",
                e.getMessage());
    }

    @Test
    void theLstmBiasesAreSummedOnLoadAndSplitAsBiasPlusZerosOnExport() {
        Map<String, Tensor> torch = randomLstmStateDict(2, 3, 1, 4);
        Module model = new LstmClassifier(2, 3, 1, DType.F64);
        lstm().mapping().load(model, torch);
        double[] bih = torch.get("lstm.bias_ih_l0").toDoubleArray();
        double[] bhh = torch.get("lstm.bias_hh_l0").toDoubleArray();
        // PyTorch's rows 3..5 are the forget gate (order i, f, g, o); jgrad's b_f is their sum, exact in f64
        double[] bf = model.parameters().get("lstm.b_f").toDoubleArray();
        for (int r = 0; r < 3; r++) {
            assertEquals(bih[3 + r] + bhh[3 + r], bf[r], 0.0);
        }
        double[] wxc = model.parameters().get("lstm.W_xc").toDoubleArray();   // the candidate: PyTorch's g, rows 6..8
        assertEquals(torch.get("lstm.weight_ih_l0").toDoubleArray()[6 * 2], wxc[0], 0.0);
        Map<String, Tensor> back = lstm().mapping().export(model);
        assertEquals(List.copyOf(torch.keySet()), List.copyOf(back.keySet()));
        assertArrayEquals(torch.get("lstm.weight_hh_l0").toDoubleArray(), back.get("lstm.weight_hh_l0").toDoubleArray(), 0.0);
        assertArrayEquals(new double[12], back.get("lstm.bias_hh_l0").toDoubleArray(), 0.0);
        double[] sums = new double[12];
        for (int i = 0; i < 12; i++) {
            sums[i] = bih[i] + bhh[i];
        }
        assertArrayEquals(sums, back.get("lstm.bias_ih_l0").toDoubleArray(), 0.0);
    }

    /**
     * Each fixture loaded into jgrad (F32) and exported again is read by the fixtures' own NumPy reader and
     * recomputed as PyTorch computes it ({@code check_export.py}, which runs {@code check_fixtures.py}'s
     * check): names, shapes, F32 and PyTorch's outputs within tolerance. Skipped without python3 + NumPy.
     */
    @Test
    void exportsAreReadByTheFixturesPythonReaderAndGivePyTorchsOutputs(@TempDir Path dir) throws Exception {
        TorchFixturesTest.assumeShared();
        assumeTrue(pythonWithNumpy(), "python3 with NumPy is not available");
        List<String> names = List.of("attention_pool", "cnn_small", "dot_recommender", "gru_seq", "lstm_seq",
                "mlp_fashion");
        for (String name : names) {
            Path shared = TorchFixturesTest.SHARED;
            Map<String, Tensor> weights = SafeTensors.read(shared.resolve(name + ".safetensors")).tensors();
            Architecture arch = architectureOf(shared, name);
            Module model = arch.build(weights, DType.F32);
            arch.mapping().load(model, shared.resolve(name + ".safetensors"));
            arch.mapping().save(model, dir.resolve(name + ".safetensors"));
            for (String suffix : List.of(".json", ".inputs.safetensors", ".outputs.safetensors")) {
                Files.copy(shared.resolve(name + suffix), dir.resolve(name + suffix));
            }
        }
        List<String> command = new ArrayList<>(List.of("python3",
                Path.of("src/test/resources/interop/check_export.py").toString(),
                TorchFixturesTest.SHARED.toString(), dir.toString()));
        command.addAll(names);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("ALL OK"), output);
        assertTrue(output.contains("lstm_seq:\n  ok   h.f64"), output);   // the LSTM from the exported biases
        assertTrue(output.contains("gru_seq:\n  ok   h.f64"), output);    // the GRU with b_hn exported apart
    }

    static Architecture architectureOf(Path dir, String name) throws Exception {
        String json = Files.readString(dir.resolve(name + ".json"));
        Map<?, ?> d = (Map<?, ?>) jgrad.io.Json.parse(json);
        List<String> types = new ArrayList<>();
        for (Object l : (List<?>) d.get("layers")) {
            types.add((String) ((Map<?, ?>) l).get("type"));
        }
        return Architectures.all().stream().filter(a -> a.matches(types)).findFirst().orElseThrow();
    }

    private static boolean pythonWithNumpy() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
