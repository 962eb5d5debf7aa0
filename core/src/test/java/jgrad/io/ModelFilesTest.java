package jgrad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jgrad.nn.Module;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;
import jgrad.testing.TestLayers;
import jgrad.train.Model;
import jgrad.train.SymbolicTensor;
import jgrad.train.Sequential;

class ModelFilesTest {

    @TempDir
    Path dir;

    static Sequential mlp(DType dtype) {
        return new Sequential(new TestLayers.Affine(3, 4, dtype, 1), new TestLayers.Tanh(),
                new TestLayers.Affine(4, 2, dtype, 2));
    }

    static Model recommender() {
        SymbolicTensor user = SymbolicTensor.input("user");
        SymbolicTensor item = SymbolicTensor.input("item");
        SymbolicTensor u = SymbolicTensor.apply("user_tower", new TestLayers.Embedding(5, 3, DType.F64, 3), user);
        SymbolicTensor v = SymbolicTensor.apply("item_tower", new TestLayers.Embedding(7, 3, DType.F64, 4), item);
        return new Model(List.of(user, item), SymbolicTensor.apply("score", new TestLayers.Dot(), u, v));
    }

    @Test
    void aSequentialComesBackWithoutTheUsersCode() throws IOException {
        for (DType dtype : DType.values()) {
            Sequential model = mlp(dtype);
            Tensor x = Tensor.randn(new Random(9), dtype, 0, 1, 5, 3);
            ModelFiles.save(model, dir.resolve("mlp-" + dtype));
            assertTrue(Files.exists(dir.resolve("mlp-" + dtype + ".safetensors")));
            assertFalse(Files.exists(dir.resolve("mlp-" + dtype + ".json")), "one file holds the whole model");
            Module loaded = ModelFiles.load(dir.resolve("mlp-" + dtype + ".safetensors"));
            Sequential s = assertInstanceOf(Sequential.class, loaded);
            assertEquals(model.parameters().keySet(), s.parameters().keySet());
            assertArrayEquals(model.forward(x).toDoubleArray(), s.forward(x).toDoubleArray(), 0);
        }
    }

    @Test
    void aTwoInputModelComesBack() throws IOException {
        Model model = recommender();
        model.parameters().values().forEach(p -> p.set(p.get(0, 0) + 1, 0, 0));   // not the seeded init
        Tensor users = Tensor.of(new double[] {0, 4, 2}, 3);
        Tensor items = Tensor.of(new double[] {6, 0, 3}, 3);
        ModelFiles.save(model, dir.resolve("rec"));
        Model loaded = assertInstanceOf(Model.class, ModelFiles.load(dir.resolve("rec.json")));
        assertEquals(List.of("user", "item"), loaded.inputNames());
        assertEquals(List.of("user_tower.W_emb", "item_tower.W_emb"), List.copyOf(loaded.parameters().keySet()));
        assertArrayEquals(model.call(List.of(users, items)).toDoubleArray(),
                loaded.call(Map.of("item", items, "user", users)).toDoubleArray(), 0);
    }

    @Test
    void preprocessingIsSavedInTheArchitectureFile() throws IOException {
        Path withIt = dir.resolve("with");
        Map<String, Object> preprocessing = Map.of("vocabularies", Map.of("job", List.of("admin.", "retired")),
                "scale", 0.1);
        ModelFiles.save(mlp(DType.F32), withIt, preprocessing);
        assertEquals(preprocessing, ModelFiles.preprocessing(withIt));
        assertInstanceOf(Sequential.class, ModelFiles.load(withIt), "the model still loads");
        Path without = dir.resolve("without");
        ModelFiles.save(mlp(DType.F32), without);
        assertEquals(Map.of(), ModelFiles.preprocessing(without));
    }

    @Test
    void aSaveIsByteReproducible() throws IOException {
        Model model = recommender();
        ModelFiles.save(model, dir.resolve("one/rec"));
        ModelFiles.save(model, dir.resolve("two/rec"));
        for (String f : List.of("rec.safetensors")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("one").resolve(f)),
                    Files.readAllBytes(dir.resolve("two").resolve(f)), f);
        }
    }

    @Test
    void plainWeightsWhereAModelShouldBeAreNamedAsSuch() throws IOException {
        ModelFiles.saveWeights(mlp(DType.F32), dir.resolve("a.safetensors"));
        var e = assertThrows(ModelFileException.class, () -> ModelFiles.load(dir.resolve("a")));
        assertTrue(e.getMessage().contains("a.safetensors") && e.getMessage().contains("plain safetensors"),
                e.getMessage());
    }

    /** Byte offset of the first occurrence of {@code what} in {@code bytes}. */
    static int indexOf(byte[] bytes, String what) {
        byte[] w = what.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + w.length <= bytes.length; i++) {
            for (int k = 0; k < w.length; k++) {
                if (bytes[i + k] != w[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("'" + what + "' is not in the file");
    }

    @Test
    void aChangedWeightOrVocabularyFailsTheIntegrityCheck() throws IOException {
        Path f = dir.resolve("m.safetensors");
        ModelFiles.save(mlp(DType.F32), f, Map.of("vocabularies", Map.of("job", List.of("admin.", "retired"))));
        byte[] good = Files.readAllBytes(f);
        byte[] weight = good.clone();
        weight[weight.length - 1] ^= 1;                                   // one bit of the last weight
        byte[] vocabulary = good.clone();
        vocabulary[indexOf(good, "retired")] = 'R';                       // a hand-edited vocabulary entry
        for (byte[] bad : List.of(weight, vocabulary)) {
            Files.write(f, bad);
            var e = assertThrows(ModelFileException.class, () -> ModelFiles.load(f));
            assertTrue(e.getMessage().startsWith(f + ": integrity check failed"), e.getMessage());
        }
        Files.write(f, good);
        assertInstanceOf(Sequential.class, ModelFiles.load(f), "the unchanged bytes load");
    }

    @Test
    void aNonFiniteWeightIsNamedAtLoad() throws IOException {
        Sequential model = mlp(DType.F32);
        model.parameters().get("2.b").set(Double.NaN, 1);
        ModelFiles.save(model, dir.resolve("nan"));
        var e = assertThrows(ModelFileException.class, () -> ModelFiles.load(dir.resolve("nan")));
        assertTrue(e.getMessage().contains("nan.safetensors") && e.getMessage().contains("'2.b' holds NaN at element 1"),
                e.getMessage());
    }

    @Test
    void aModelOfTheFirstFormatStillLoads() throws IOException {
        Sequential model = mlp(DType.F64);
        String sha = SafeTensors.write(dir.resolve("old.safetensors"), model.parameters(), Map.of("format", "jgrad"));
        Map<String, Object> arch = new java.util.LinkedHashMap<>();
        arch.put("format", "jgrad-model");
        arch.put("version", 1);
        arch.put("model", LayerRegistry.describe(model));
        arch.put("weights", "old.safetensors");
        arch.put("weights_sha256", sha);
        arch.put("preprocessing", Map.of("scale", 0.5));
        Files.writeString(dir.resolve("old.json"), Json.write(arch));
        Tensor x = Tensor.randn(new Random(2), DType.F64, 0, 1, 2, 3);
        assertArrayEquals(model.forward(x).toDoubleArray(),
                ((Sequential) ModelFiles.load(dir.resolve("old"))).forward(x).toDoubleArray(), 0);
        assertEquals(Map.of("scale", 0.5), ModelFiles.preprocessing(dir.resolve("old.json")));

        Sequential other = mlp(DType.F64);
        other.parameters().get("0.b").set(1, 0);
        ModelFiles.saveWeights(other, dir.resolve("old.safetensors"));    // weights of another model
        var e = assertThrows(ModelFileException.class, () -> ModelFiles.load(dir.resolve("old")));
        assertTrue(e.getMessage().contains("old.safetensors") && e.getMessage().contains("SHA-256"), e.getMessage());

        ModelFiles.save(other, dir.resolve("old"));                       // a new save supersedes the pair
        assertFalse(Files.exists(dir.resolve("old.json")), "the old architecture file is removed");
        assertEquals(1, ((Sequential) ModelFiles.load(dir.resolve("old"))).parameters().get("0.b").get(0));
    }

    @Test
    void mismatchedParametersAreNamed() throws IOException {
        Path f = dir.resolve("w.safetensors");
        ModelFiles.saveWeights(mlp(DType.F32), f);
        var e = assertThrows(ModelFileException.class, () -> ModelFiles.loadWeights(mlp(DType.F64), f));
        assertTrue(e.getMessage().contains("'0.W' is F32 [4, 3] in the file but F64 [4, 3]"), e.getMessage());
        e = assertThrows(ModelFileException.class, () -> ModelFiles.loadWeights(recommender(), f));
        assertTrue(e.getMessage().contains("missing [item_tower.W_emb, user_tower.W_emb]"), e.getMessage());
        Sequential target = mlp(DType.F32);
        target.parameters().get("0.W").set(42, 0, 0);
        ModelFiles.loadWeights(target, f);
        assertEquals(mlp(DType.F32).parameters().get("0.W").get(0, 0), target.parameters().get("0.W").get(0, 0));
    }

    @Test
    void anUnknownLayerTypeIsNamed() throws IOException {
        Sequential model = mlp(DType.F32);
        Map<String, Object> arch = new java.util.LinkedHashMap<>();
        arch.put("format", "jgrad-model");
        arch.put("version", 2);
        arch.put("model", LayerRegistry.describe(model));
        String json = Json.write(arch).replace("TestTanh", "Swish");       // a type this jgrad does not know
        Path f = dir.resolve("m.safetensors");
        ModelFiles.write(f, json, model.parameters(), SaveSteps.NONE);
        var e = assertThrows(ModelFileException.class, () -> ModelFiles.load(dir.resolve("m.json")));
        assertTrue(e.getMessage().contains("unknown layer type 'Swish'") && e.getMessage().contains("m.safetensors"),
                e.getMessage());
    }

    @Test
    void numpyReadsTheFileByHand() throws Exception {
        Path f = dir.resolve("np.safetensors");
        SafeTensors.write(f, Map.of("W", Tensor.of(new float[] {1.5f, -2, 3, 0.25f, 5, -6}, 2, 3),
                "b", Tensor.of(new double[] {0.1, -7}, 2)), Map.of("format", "jgrad"));
        String script = String.join("\n",
                "import json, struct, sys, numpy as np",
                "raw = open(sys.argv[1], 'rb').read()",
                "n = struct.unpack('<Q', raw[:8])[0]",
                "h = json.loads(raw[8:8 + n])",
                "data = raw[8 + n:]",
                "for k in ['W', 'b']:",
                "    e = h[k]; a, z = e['data_offsets']",
                "    dt = {'F32': '<f4', 'F64': '<f8'}[e['dtype']]",
                "    print(k, e['shape'], np.frombuffer(data[a:z], dtype=dt).reshape(e['shape']).tolist())",
                "print(h['__metadata__'])");
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c", script, f.toString()).redirectErrorStream(true).start();
        } catch (IOException absent) {
            org.junit.jupiter.api.Assumptions.abort("python3 is not on PATH: " + absent.getMessage());
            return;
        }
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        org.junit.jupiter.api.Assumptions.assumeFalse(out.contains("No module named 'numpy'"), "numpy is absent");
        assertEquals("W [2, 3] [[1.5, -2.0, 3.0], [0.25, 5.0, -6.0]]\nb [2] [0.1, -7.0]\n{'format': 'jgrad'}\n", out);
    }
}
