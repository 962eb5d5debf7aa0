package jgrad.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jgrad.autograd.Autograd;
import jgrad.backend.DType;
import jgrad.backend.Device;
import jgrad.io.InputFiles;
import jgrad.io.Json;
import jgrad.io.ModelFileException;
import jgrad.io.SafeTensors;
import jgrad.nn.Module;
import jgrad.tensor.Tensor;

/**
 * Models saved by PyTorch with their expected outputs, in the layout of {@code shared/interop}: for each
 * {@code NAME}, {@code NAME.json} (the architecture: {@code "layers"} with PyTorch module types, and the
 * tolerances), {@code NAME.safetensors} (the {@code state_dict}), {@code NAME.inputs.safetensors} and
 * {@code NAME.outputs.safetensors} ({@code <out>.f32} and {@code <out>.f64}). {@link #check} loads the weights
 * into the matching {@link Architecture} twice, in F32 and in F64 (weights and inputs widened exactly), runs
 * the inputs, and compares each output the model computes elementwise:
 * {@code |got − want| ≤ abs + rel·|want|}, F32 against {@code .f32}, F64 against {@code .f64}.
 */
public final class TorchFixtures {

    /** One fixture's outcome: the largest |got − want| in each precision, over the outputs compared. */
    public record Result(String name, String architecture, List<String> compared, double maxErrorF32,
            double maxErrorF64, boolean passed, String problem) {
    }

    private record Tolerance(double abs, double rel) {
    }

    private TorchFixtures() {
    }

    /** The fixtures in {@code dir}: every NAME with a NAME.json beside a NAME.safetensors, sorted. */
    public static List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a directory of PyTorch fixtures");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5))
                    .filter(n -> Files.exists(dir.resolve(n + ".safetensors"))).sorted().toList();
        }
    }

    /** Checks one fixture; a file that cannot be read or does not fit is a failed result that says why. */
    public static Result check(Path dir, String name) {
        List<String> types = List.of();
        try {
            Map<?, ?> description = description(dir.resolve(name + ".json"));
            types = layerTypes(description);
            Architecture arch = architecture(types);
            if (arch == null) {
                return new Result(name, "?", List.of(), Double.NaN, Double.NaN, false,
                        "no jgrad architecture matches the PyTorch layers " + types);
            }
            Map<String, Tensor> weights = SafeTensors.read(dir.resolve(name + ".safetensors")).tensors();
            Map<String, Tensor> inputs = SafeTensors.read(dir.resolve(name + ".inputs.safetensors")).tensors();
            Map<String, Tensor> expected = SafeTensors.read(dir.resolve(name + ".outputs.safetensors")).tensors();
            Compared f32 = run(arch, dir.resolve(name + ".safetensors"), weights, inputs, expected, DType.F32,
                    tolerance(description, "f32", 1e-4, 1e-3));
            Compared f64 = run(arch, dir.resolve(name + ".safetensors"), weights, inputs, expected, DType.F64,
                    tolerance(description, "f64", 1e-9, 1e-7));
            String problem = f32.problem != null ? "f32: " + f32.problem : f64.problem != null ? "f64: " + f64.problem
                    : f32.names.isEmpty() ? "no output to compare" : null;
            return new Result(name, arch.describe(), f32.names, f32.maxError, f64.maxError, problem == null, problem);
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            return new Result(name, types.toString(), List.of(), Double.NaN, Double.NaN, false, message);
        }
    }

    private record Compared(List<String> names, double maxError, String problem) {
    }

    private static Compared run(Architecture arch, Path weightsFile, Map<String, Tensor> weights,
            Map<String, Tensor> inputs, Map<String, Tensor> expected, DType dtype, Tolerance tol) throws IOException {
        Module model = arch.build(weights, dtype);
        arch.mapping().load(model, weightsFile);
        model.eval();
        Map<String, Tensor> typed = new LinkedHashMap<>();
        inputs.forEach((k, v) -> typed.put(k, v.to(dtype)));   // ids are whole numbers: exact in F32 below 2^24
        Map<String, Tensor> got;
        try (var _ = Autograd.noGrad()) {
            got = arch.outputs(model, typed);
        }
        String suffix = dtype == DType.F32 ? ".f32" : ".f64";
        List<String> names = new ArrayList<>();
        double max = 0;
        String problem = null;
        for (Map.Entry<String, Tensor> e : got.entrySet()) {
            Tensor want = wanted(expected, e.getKey(), suffix);
            names.add(e.getKey());
            double[] g = e.getValue().to(Device.CPU).toDoubleArray();
            double[] w = want.toDoubleArray();
            if (g.length != w.length) {
                return new Compared(names, Double.NaN, "output '" + e.getKey() + "' has " + g.length
                        + " values, PyTorch's " + w.length);
            }
            for (int i = 0; i < g.length; i++) {
                double err = Math.abs(g[i] - w[i]);
                max = Math.max(max, Double.isNaN(err) ? Double.POSITIVE_INFINITY : err);
                if (!(err <= tol.abs + tol.rel * Math.abs(w[i])) && problem == null) {
                    problem = "output '" + e.getKey() + "' element " + i + ": got " + g[i] + ", PyTorch " + w[i];
                }
            }
        }
        return new Compared(names, max, problem);
    }

    /** The expected values of {@code name}; {@code relu(X)} is PyTorch's X through a ReLU. */
    private static Tensor wanted(Map<String, Tensor> expected, String name, String suffix) {
        boolean relu = name.startsWith("relu(") && name.endsWith(")");
        String base = relu ? name.substring(5, name.length() - 1) : name;
        Tensor t = expected.get(base + suffix);
        if (t == null) {
            throw new IllegalArgumentException("the outputs file has no '" + base + suffix + "'");
        }
        return relu ? t.relu() : t;
    }

    private static Architecture architecture(List<String> types) {
        return Architectures.all().stream().filter(a -> a.matches(types)).findFirst().orElse(null);
    }

    private static Map<?, ?> description(Path file) throws IOException {
        InputFiles.checkRegular(file, "a fixture description", 1 << 24);
        if (!(Json.parse(Files.readString(file)) instanceof Map<?, ?> m)) {
            throw new ModelFileException(file, "not a JSON object");
        }
        return m;
    }

    private static List<String> layerTypes(Map<?, ?> description) {
        if (!(description.get("layers") instanceof List<?> layers)) {
            throw new IllegalArgumentException("the description has no \"layers\" list");
        }
        List<String> types = new ArrayList<>();
        for (Object l : layers) {
            types.add(l instanceof Map<?, ?> m && m.get("type") instanceof String s ? s : null);
        }
        return types;
    }

    private static Tolerance tolerance(Map<?, ?> description, String precision, double abs, double rel) {
        if (description.get("tolerance") instanceof Map<?, ?> t && t.get(precision) instanceof Map<?, ?> p
                && p.get("abs") instanceof Number a && p.get("rel") instanceof Number r) {
            return new Tolerance(a.doubleValue(), r.doubleValue());
        }
        return new Tolerance(abs, rel);
    }
}
