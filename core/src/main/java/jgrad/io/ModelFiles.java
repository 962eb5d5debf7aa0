package jgrad.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import jgrad.nn.Module;
import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/**
 * A model on disk as one file, {@code NAME.safetensors}: the weights by parameter name
 * ({@code 0.W}, {@code user_tower.W_emb}), and in the header's {@code __metadata__} the
 * architecture and the fitted preprocessing that turn raw records into its inputs:
 * <pre>
 *   "__metadata__": {"format": "jgrad",
 *                    "jgrad.model": "{\"format\": \"jgrad-model\", \"version\": 2,
 *                                     \"model\": {\"type\": \"Sequential\", \"config\": {...}},
 *                                     \"parameters\": {\"0.W\": {\"dtype\": \"F32\", \"shape\": [4, 3]}, …},
 *                                     \"preprocessing\": {…}}",           (optional: vocabularies, scaling)
 *                    "jgrad.sha256": SHA-256(SHA-256(jgrad.model) ‖ SHA-256(data section)), hex}
 * </pre>
 * <b>Why one file.</b> A save is then one atomic rename ({@link AtomicFiles}): at every instant the
 * path holds the complete old model or the complete new one, never the weights of one with the
 * architecture of the other; of two concurrent saves the last rename wins, whole; a save that fails
 * (or is killed) before its rename leaves the old model untouched, and a failed one leaves no file.
 * The checksum covers the architecture, the preprocessing and the weights, so a hand-edited or
 * damaged file is refused at load instead of scoring silently wrong. The file stays a plain
 * safetensors file that PyTorch and NumPy read.
 *
 * <p>Models saved by earlier versions ({@code NAME.json} beside {@code NAME.safetensors}, format
 * version 1) still load, through {@link LegacyModelFiles}. Any of NAME, NAME.safetensors or
 * NAME.json may be given.
 */
public final class ModelFiles {

    static final String FORMAT = "jgrad-model";
    static final int VERSION = 2;
    static final String MODEL_KEY = "jgrad.model";
    static final String SHA_KEY = "jgrad.sha256";

    private ModelFiles() {
    }

    /** A loaded model and the preprocessing it was saved with (empty when none). */
    public record Loaded(Module model, Map<?, ?> preprocessing, Path file) {
    }

    /** NAME.safetensors for NAME, NAME.json or NAME.safetensors: the model file. */
    public static Path weightsPath(Path path) {
        return sibling(path, ".safetensors");
    }

    /** NAME.json: the architecture file of a model saved by jgrad before format version 2. */
    public static Path architecturePath(Path path) {
        return sibling(path, ".json");
    }

    /** Whether a model (of either format) is saved at {@code path}. */
    public static boolean exists(Path path) {
        return Files.exists(weightsPath(path)) || Files.exists(architecturePath(path));
    }

    private static Path sibling(Path path, String ext) {
        Path name = path.getFileName();
        String s = name == null ? "" : name.toString();
        String stem = s.endsWith(".json") ? s.substring(0, s.length() - 5)
                : s.endsWith(".safetensors") ? s.substring(0, s.length() - 12) : s;
        if (stem.isEmpty()) {
            throw new IllegalArgumentException("a model path needs a file name, got '" + path + "'");
        }
        return path.resolveSibling(stem + ext);
    }

    /** Saves a model that is a {@link Module} and a {@link jgrad.nn.Layer} or {@link Describable}. */
    public static void save(Module model, Path path) throws IOException {
        save(model, path, Map.of());
    }

    /**
     * Saves a model with what turns raw records into its inputs (fitted vocabularies, scaling), as
     * JSON-ready maps and lists, in one file, atomically (see the class comment).
     */
    public static void save(Module model, Path path, Map<String, Object> preprocessing) throws IOException {
        save(model, path, preprocessing, SaveSteps.NONE);
    }

    static void save(Module model, Path path, Map<String, Object> preprocessing, SaveSteps steps) throws IOException {
        Map<String, Object> arch = new LinkedHashMap<>();
        arch.put("format", FORMAT);
        arch.put("version", VERSION);
        arch.put("model", LayerRegistry.describe(model));
        Map<String, Object> params = new LinkedHashMap<>();
        state(model).forEach((name, t) -> {
            Map<String, Object> entry = new LinkedHashMap<>();    // ordered, so a save is byte-reproducible
            entry.put("dtype", t.dtype().name());
            entry.put("shape", t.shape());
            params.put(name, entry);
        });
        arch.put("parameters", params);
        if (!preprocessing.isEmpty()) {
            arch.put("preprocessing", preprocessing);
        }
        String json;
        try {
            json = Json.write(arch);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot save the model to " + weightsPath(path) + ": " + e.getMessage(), e);
        }
        write(weightsPath(path), json, state(model), steps);
        LegacyModelFiles.removeSupersededArchitecture(architecturePath(path), steps);
    }

    /**
     * What a model file holds of a module: its parameters, then its buffers (BatchNorm's running statistics),
     * as PyTorch's state_dict. A module without buffers is saved exactly as before buffers were saved.
     */
    static Map<String, Tensor> state(Module model) {
        Map<String, Tensor> all = new LinkedHashMap<>(model.parameters());
        all.putAll(model.buffers());
        return all;
    }

    /** Writes a model file: the description {@code json} and the tensors, tied by the checksum. */
    static void write(Path file, String json, Map<String, Tensor> tensors, SaveSteps steps) throws IOException {
        steps.reached("model described");
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", "jgrad");
        metadata.put(MODEL_KEY, json);
        metadata.put(SHA_KEY, checksum(json, SafeTensors.dataSha256(tensors)));
        SafeTensors.write(file, tensors, metadata, steps);
    }

    /** SHA-256(SHA-256(description) ‖ SHA-256(data section)), hex: what a model file's checksum is. */
    static String checksum(String json, String dataSha256) {
        MessageDigest outer = SafeTensors.sha256();
        outer.update(SafeTensors.sha256().digest(json.getBytes(StandardCharsets.UTF_8)));
        outer.update(HexFormat.of().parseHex(dataSha256));
        return HexFormat.of().formatHex(outer.digest());
    }

    /** Rebuilds a saved model and its weights. */
    public static Module load(Path path) throws IOException {
        return read(path).model();
    }

    /** The {@code "preprocessing"} a model was saved with; empty when it was saved without. */
    public static Map<?, ?> preprocessing(Path path) throws IOException {
        return read(path).preprocessing();
    }

    /** Rebuilds a saved model, with its preprocessing; every check of the class comment is made first. */
    public static Loaded read(Path path) throws IOException {
        Path file = weightsPath(path);
        if (!Files.exists(file) && Files.exists(architecturePath(path))) {
            return LegacyModelFiles.read(architecturePath(path));
        }
        if (!Files.exists(file)) {
            throw new ModelFileException(file, "no model here (nor an older " + architecturePath(path).getFileName() + ")");
        }
        SafeTensors.Contents contents = SafeTensors.read(file);
        String json = contents.metadata().get(MODEL_KEY);
        if (json == null) {
            if (Files.exists(architecturePath(path))) {
                return LegacyModelFiles.read(architecturePath(path));
            }
            throw new ModelFileException(file, "a plain safetensors file, without the jgrad model description"
                    + " (metadata '" + MODEL_KEY + "'): build the model in code and fill it with ModelFiles.loadWeights");
        }
        String expected = checksum(json, contents.dataSha256());
        if (!expected.equals(contents.metadata().get(SHA_KEY))) {
            throw new ModelFileException(file, "integrity check failed: the architecture, preprocessing or weights"
                    + " differ from what was saved (checksum " + expected + ", recorded " + contents.metadata().get(SHA_KEY)
                    + "); was the file edited or damaged?");
        }
        Object arch;
        try {
            arch = Json.parse(json);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, "metadata '" + MODEL_KEY + "' is not valid JSON: " + e.getMessage());
        }
        Map<?, ?> m = checkDescription(file, arch, VERSION);
        Module model = rebuild(file, m.get("model"));
        assign(model, contents.tensors(), file);
        return new Loaded(model, preprocessing(file, m), file);
    }

    /** The description's format and version, checked. */
    static Map<?, ?> checkDescription(Path file, Object json, int version) throws ModelFileException {
        if (!(json instanceof Map<?, ?> m) || !FORMAT.equals(m.get("format"))) {
            throw new ModelFileException(file, "not a jgrad model description (no \"format\": \"" + FORMAT + "\")");
        }
        if (!Long.valueOf(version).equals(m.get("version"))) {
            throw new ModelFileException(file, "unsupported version " + m.get("version") + " (expected " + version
                    + "; this jgrad reads 1 and 2)");
        }
        return m;
    }

    static Module rebuild(Path file, Object description) throws ModelFileException {
        try {
            return LayerRegistry.create(description, Module.class);
        } catch (RuntimeException e) {
            throw new ModelFileException(file, "cannot rebuild the model: " + (e instanceof IllegalArgumentException
                    ? "" : e.getClass().getSimpleName() + ": ") + e.getMessage());
        }
    }

    static Map<?, ?> preprocessing(Path file, Map<?, ?> description) throws ModelFileException {
        Object p = description.get("preprocessing");
        if (p == null) {
            return Map.of();
        }
        if (!(p instanceof Map<?, ?> m)) {
            throw new ModelFileException(file, "\"preprocessing\" must be an object");
        }
        return m;
    }

    /** Writes a module's parameters alone (PyTorch's state_dict), atomically. */
    public static void saveWeights(Module model, Path file) throws IOException {
        SafeTensors.write(file, state(model), Map.of("format", "jgrad"));
    }

    /** Fills a module's parameters from a safetensors file with exactly its names, shapes and dtypes. */
    public static void loadWeights(Module model, Path file) throws IOException {
        assign(model, SafeTensors.read(file).tensors(), file);
    }

    /**
     * Copies the saved tensors into the model's parameters, after checking that the names, dtypes and
     * shapes match exactly and that every value is finite (a NaN weight would answer every question with NaN).
     */
    static void assign(Module model, Map<String, Tensor> saved, Path file) throws ModelFileException {
        Map<String, Tensor> params = state(model);
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
            double[] values = s.toDoubleArray();
            for (int i = 0; i < values.length; i++) {
                if (!Double.isFinite(values[i])) {
                    throw new ModelFileException(file, "parameter '" + e.getKey() + "' holds " + values[i]
                            + " at element " + i + " of " + Shapes.format(s.shape()) + "; a model with a non-finite"
                            + " weight cannot answer (was it saved after training diverged?)");
                }
            }
        }
        params.forEach((name, p) -> p.copyFrom(saved.get(name)));
    }
}
