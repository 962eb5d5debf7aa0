package jgrad.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import jgrad.nn.Module;
import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/**
 * A model on disk as two files with one stem: {@code NAME.json}, the architecture, and
 * {@code NAME.safetensors}, the weights by parameter name ({@code 0.W}, {@code user_tower.W_emb}).
 * <pre>
 *   NAME.json = {"format": "jgrad-model", "version": 1,
 *                "model": {"type": "Sequential", "config": {...}},
 *                "weights": "NAME.safetensors", "weights_sha256": "…",
 *                "parameters": {"0.W": {"dtype": "F32", "shape": [4, 3]}, …},
 *                "preprocessing": {…}}                   (optional: fitted vocabularies, scaling)
 * </pre>
 * {@link #load} rebuilds the model through the {@link LayerRegistry} and fills its parameters, so
 * no user code is needed. Each file is written atomically, weights first; the architecture names the
 * SHA-256 of the weights it belongs with, so a save interrupted between the two files, or weights
 * replaced by another model's, is detected at load instead of producing a silently wrong model.
 * Any of the two file names, or the stem, may be given.
 */
public final class ModelFiles {

    private static final String FORMAT = "jgrad-model";
    private static final long MAX_ARCHITECTURE_BYTES = 64L << 20;

    private ModelFiles() {
    }

    /** NAME.json for NAME, NAME.json or NAME.safetensors. */
    public static Path architecturePath(Path path) {
        return sibling(path, ".json");
    }

    /** NAME.safetensors for NAME, NAME.json or NAME.safetensors. */
    public static Path weightsPath(Path path) {
        return sibling(path, ".safetensors");
    }

    private static Path sibling(Path path, String ext) {
        String name = path.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5)
                : name.endsWith(".safetensors") ? name.substring(0, name.length() - 12) : name;
        return path.resolveSibling(stem + ext);
    }

    /** Saves a model that is a {@link Module} and a {@link jgrad.nn.Layer} or {@link Describable}. */
    public static void save(Module model, Path path) throws IOException {
        save(model, path, Map.of());
    }

    /**
     * Saves a model with what turns raw records into its inputs (fitted vocabularies, scaling), as JSON-ready
     * maps and lists under {@code "preprocessing"} in the architecture file, so the two cannot drift apart.
     */
    public static void save(Module model, Path path, Map<String, Object> preprocessing) throws IOException {
        Map<String, Object> description = LayerRegistry.describe(model);
        Path weights = weightsPath(path);
        String sha = SafeTensors.write(weights, model.parameters(), Map.of("format", "jgrad"));
        Map<String, Object> arch = new LinkedHashMap<>();
        arch.put("format", FORMAT);
        arch.put("version", 1);
        arch.put("model", description);
        arch.put("weights", weights.getFileName().toString());
        arch.put("weights_sha256", sha);
        Map<String, Object> params = new LinkedHashMap<>();
        model.parameters().forEach((name, t) -> {
            Map<String, Object> entry = new LinkedHashMap<>();    // ordered, so a save is byte-reproducible
            entry.put("dtype", t.dtype().name());
            entry.put("shape", t.shape());
            params.put(name, entry);
        });
        arch.put("parameters", params);
        if (!preprocessing.isEmpty()) {
            arch.put("preprocessing", preprocessing);
        }
        byte[] json = Json.write(arch).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(architecturePath(path), out -> out.write(json));
    }

    /** Rebuilds a saved model and its weights. */
    public static Module load(Path path) throws IOException {
        Path archFile = architecturePath(path);
        Map<?, ?> arch = readArchitecture(archFile);
        Module model;
        try {
            model = LayerRegistry.create(arch.get("model"), Module.class);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(archFile, "cannot rebuild the model: " + e.getMessage());
        }
        Path weights = path.resolveSibling(String.valueOf(arch.get("weights")));
        SafeTensors.Contents contents = SafeTensors.read(weights);
        if (!contents.sha256().equals(arch.get("weights_sha256"))) {
            throw new ModelFileException(weights, "these weights are not the ones " + archFile.getFileName()
                    + " was saved with (SHA-256 " + contents.sha256() + ", expected " + arch.get("weights_sha256")
                    + "); was a save interrupted between the two files?");
        }
        assign(model, contents.tensors(), weights);
        return model;
    }

    /** The {@code "preprocessing"} a model was saved with; empty when it was saved without. */
    public static Map<?, ?> preprocessing(Path path) throws IOException {
        Path archFile = architecturePath(path);
        Object p = readArchitecture(archFile).get("preprocessing");
        if (p == null) {
            return Map.of();
        }
        if (!(p instanceof Map<?, ?> m)) {
            throw new ModelFileException(archFile, "\"preprocessing\" must be an object");
        }
        return m;
    }

    /** Writes a module's parameters alone (PyTorch's state_dict), atomically. */
    public static void saveWeights(Module model, Path file) throws IOException {
        SafeTensors.write(file, model.parameters(), Map.of("format", "jgrad"));
    }

    /** Fills a module's parameters from a safetensors file with exactly its names, shapes and dtypes. */
    public static void loadWeights(Module model, Path file) throws IOException {
        assign(model, SafeTensors.read(file).tensors(), file);
    }

    private static Map<?, ?> readArchitecture(Path file) throws IOException {
        if (Files.size(file) > MAX_ARCHITECTURE_BYTES) {
            throw new ModelFileException(file, "an architecture of " + Files.size(file) + " bytes is beyond the "
                    + MAX_ARCHITECTURE_BYTES + " allowed");
        }
        Object json;
        try {
            json = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
            throw new ModelFileException(file, "not valid JSON: " + e.getMessage());
        }
        if (!(json instanceof Map<?, ?> m) || !FORMAT.equals(m.get("format"))) {
            throw new ModelFileException(file, "not a jgrad model architecture (no \"format\": \"" + FORMAT + "\")");
        }
        if (!Long.valueOf(1).equals(m.get("version"))) {
            throw new ModelFileException(file, "unsupported version " + m.get("version") + " (this jgrad reads 1)");
        }
        if (!(m.get("weights") instanceof String w) || w.contains("/") || w.contains("\\")) {
            throw new ModelFileException(file, "\"weights\" must name a file in the same directory");
        }
        return m;
    }

    private static void assign(Module model, Map<String, Tensor> saved, Path file) throws ModelFileException {
        Map<String, Tensor> params = model.parameters();
        if (!params.keySet().equals(saved.keySet())) {
            TreeSet<String> missing = new TreeSet<>(params.keySet());
            missing.removeAll(saved.keySet());
            TreeSet<String> extra = new TreeSet<>(saved.keySet());
            extra.removeAll(params.keySet());
            throw new ModelFileException(file, "the parameters do not match the model: missing " + missing
                    + ", unexpected " + extra);
        }
        for (Map.Entry<String, Tensor> e : params.entrySet()) {
            Tensor p = e.getValue();
            Tensor s = saved.get(e.getKey());
            if (!Arrays.equals(p.shape(), s.shape()) || p.dtype() != s.dtype()) {
                throw new ModelFileException(file, "parameter '" + e.getKey() + "' is " + s.dtype() + " "
                        + Shapes.format(s.shape()) + " in the file but " + p.dtype() + " " + Shapes.format(p.shape())
                        + " in the model");
            }
        }
        params.forEach((name, p) -> p.copyFrom(saved.get(name)));
    }
}
