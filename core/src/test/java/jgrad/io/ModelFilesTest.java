package jgrad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
            assertTrue(Files.exists(dir.resolve("mlp-" + dtype + ".json")));
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
        for (String f : List.of("rec.json", "rec.safetensors")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("one").resolve(f)),
                    Files.readAllBytes(dir.resolve("two").resolve(f)), f);
        }
    }

    @Test
    void weightsFromAnotherSaveAreDetected() throws IOException {
        ModelFiles.save(mlp(DType.F32), dir.resolve("a"));
        Sequential other = mlp(DType.F32);
        other.parameters().get("0.b").set(1, 0);
        ModelFiles.saveWeights(other, dir.resolve("a.safetensors"));
        var e = assertThrows(ModelFileException.class, () -> ModelFiles.load(dir.resolve("a")));
        assertTrue(e.getMessage().contains("a.safetensors") && e.getMessage().contains("SHA-256"), e.getMessage());
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
        ModelFiles.save(mlp(DType.F32), dir.resolve("m"));
        Path json = dir.resolve("m.json");
        Files.writeString(json, Files.readString(json).replace("TestTanh", "Swish"));
        var e = assertThrows(ModelFileException.class, () -> ModelFiles.load(json));
        assertTrue(e.getMessage().contains("unknown layer type 'Swish'") && e.getMessage().contains("m.json"),
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
