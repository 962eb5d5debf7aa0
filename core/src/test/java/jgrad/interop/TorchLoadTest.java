package jgrad.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

import jgrad.autograd.Autograd;
import jgrad.backend.DType;
import jgrad.backend.Device;
import jgrad.io.SafeTensors;
import jgrad.nn.Module;
import jgrad.tensor.Tensor;

/**
 * jgrad models exported under PyTorch's names load into the matching PyTorch 1.13 modules with
 * {@code load_state_dict(strict=True)} and give jgrad's outputs ({@code check_torch_load.py}, run by
 * {@code /usr/bin/python3}, or {@code $JGRAD_TORCH_PYTHON}). The models are not the fixtures' PyTorch weights
 * but fresh seeded ones of each fixture's architecture and sizes, so what PyTorch computes comes from weights
 * only jgrad ever held. Skipped, with the script's reason, where that Python cannot import NumPy and PyTorch.
 */
class TorchLoadTest {

    private static final List<String> NAMES = List.of("attention_pool", "cnn_small", "dot_recommender", "gru_seq",
            "lstm_seq", "mlp_fashion");
    private static final Path SCRIPT = Path.of("src/test/resources/interop/check_torch_load.py");

    /**
     * One Python run (PyTorch takes seconds to import): the six exports must pass, and a seventh, an LSTM export
     * whose second bias repeats the first (jgrad's b counted twice), must fail, so the check is shown to fail.
     */
    @Test
    void everyExportLoadsIntoPyTorchAndGivesJgradsOutputs(@TempDir Path dir) throws Exception {
        TorchFixturesTest.assumeShared();
        int outputs = 0;
        for (int k = 0; k < NAMES.size(); k++) {
            outputs += exportWithOutputs(NAMES.get(k), NAMES.get(k), dir, 100 + k);
        }
        exportWithOutputs("lstm_seq", "lstm_doubled_bias", dir, 7);
        Path file = dir.resolve("lstm_doubled_bias.safetensors");
        Map<String, Tensor> exported = new LinkedHashMap<>(SafeTensors.read(file).tensors());
        exported.put("lstm.bias_hh_l0", exported.get("lstm.bias_ih_l0"));
        SafeTensors.write(file, exported, Map.of());
        List<String> names = new ArrayList<>(NAMES);
        names.add("lstm_doubled_bias");
        Run run = check(dir, names);
        assumeTrue(run.exit != 3, run.output.strip() + "; set JGRAD_TORCH_PYTHON to a Python with PyTorch");
        assertEquals(1, run.exit, run.output);
        String good = run.output.substring(0, run.output.indexOf("lstm_doubled_bias ("));
        // each output of the six compared twice (f32, f64), all within tolerance
        assertEquals(2 * outputs, good.lines().filter(l -> l.startsWith("  ok ")).count(), run.output);
        assertFalse(good.contains("FAIL"), run.output);
        assertTrue(good.contains("lstm_seq (LstmHead):\n  ok   h.f32"), run.output);
        String bad = run.output.substring(run.output.indexOf("lstm_doubled_bias ("));
        assertTrue(bad.contains("FAIL h.f32") && bad.contains("FAIL y.f64"), run.output);
        assertTrue(run.output.contains("FAILED: lstm_doubled_bias h.f32"), run.output);
    }

    /**
     * Writes, under the name {@code as}, fixture NAME's architecture and inputs, a seeded random jgrad model of
     * that architecture exported as AS.safetensors, and its outputs: {@code .f32} from the F32 model, {@code .f64}
     * from the export read back into an F64 model. Returns how many outputs there are.
     */
    private static int exportWithOutputs(String name, String as, Path dir, long seed) throws Exception {
        Path shared = TorchFixturesTest.SHARED;
        for (String suffix : List.of(".json", ".inputs.safetensors")) {
            Files.copy(shared.resolve(name + suffix), dir.resolve(as + suffix));
        }
        Map<String, Tensor> shapes = SafeTensors.read(shared.resolve(name + ".safetensors")).tensors();
        Map<String, Tensor> inputs = SafeTensors.read(shared.resolve(name + ".inputs.safetensors")).tensors();
        Architecture arch = TorchMappingTest.architectureOf(shared, name);
        Module f32 = arch.build(shapes, DType.F32);
        randomize(f32, seed);
        Path exported = dir.resolve(as + ".safetensors");
        arch.mapping().save(f32, exported);
        Module f64 = arch.build(shapes, DType.F64);
        arch.mapping().load(f64, exported);
        Map<String, Tensor> outputs = new LinkedHashMap<>();
        outputs(arch, f32, inputs, DType.F32).forEach((k, v) -> outputs.put(k + ".f32", v));
        outputs(arch, f64, inputs, DType.F64).forEach((k, v) -> outputs.put(k + ".f64", v));
        SafeTensors.write(dir.resolve(as + ".outputs.safetensors"), outputs, Map.of());
        return outputs.size() / 2;
    }

    private static Map<String, Tensor> outputs(Architecture arch, Module model, Map<String, Tensor> inputs, DType dtype) {
        model.eval();
        Map<String, Tensor> typed = new LinkedHashMap<>();
        inputs.forEach((k, v) -> typed.put(k, v.to(dtype)));
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (var _ = Autograd.noGrad()) {
            arch.outputs(model, typed).forEach((k, v) -> out.put(k, v.to(Device.CPU).contiguous()));
        }
        return out;
    }

    /** Every parameter U(−0.5, 0.5) from {@code seed}: biases too, so a dropped or doubled bias shows. */
    private static void randomize(Module model, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        try (var _ = Autograd.noGrad()) {
            model.parameters().values().forEach(p -> p.copyFrom(Tensor.rand(rng, p.dtype(), -0.5, 0.5, p.shape())));
        }
    }

    private record Run(int exit, String output) {
    }

    /** Runs the check with {@code $JGRAD_TORCH_PYTHON} or /usr/bin/python3; skips, saying why, without it. */
    private static Run check(Path dir, List<String> names) throws Exception {
        String python = System.getenv().getOrDefault("JGRAD_TORCH_PYTHON", "/usr/bin/python3");
        List<String> command = new ArrayList<>(List.of(python, SCRIPT.toString(),
                TorchFixturesTest.SHARED.toString(), dir.toString()));
        command.addAll(names);
        assumeTrue(Files.isExecutable(Path.of(python)), "no Python at " + python
                + "; set JGRAD_TORCH_PYTHON to a Python with PyTorch (.ci/run installs Debian's python3-torch)");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(600, TimeUnit.SECONDS), "check_torch_load.py did not finish: " + output);
        return new Run(p.exitValue(), output);
    }
}
