package jgrad.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jgrad.backend.Backends;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;
import jgrad.train.Sequential;

/** A model saved here and loaded by another JVM predicts the same numbers, bit for bit. */
class FreshJvmLoadTest {

    @TempDir
    Path dir;

    static Tensor input() {
        return Tensor.randn(new Random(5), DType.F32, 0, 1, 4, 3);
    }

    /** Run in the child JVM: loads the model and prints its predictions. */
    public static void main(String[] args) throws Exception {
        Sequential model = (Sequential) ModelFiles.load(Path.of(args[0]));
        System.out.print(Arrays.toString(model.forward(input()).toFloatArray()));
    }

    @Test
    void anotherJvmPredictsIdentically() throws Exception {
        Sequential model = ModelFilesTest.mlp(DType.F32);
        model.parameters().get("2.b").set(0.5, 1);
        ModelFiles.save(model, dir.resolve("m"));
        // The child uses this JVM's backend, so that the same kernels compute both predictions.
        String backend = Backends.current().name();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djgrad.backend=" + backend));
        if (Backends.vectorApiAvailable()) {
            cmd.add("--add-modules=jdk.incubator.vector");
        }
        cmd.addAll(List.of(FreshJvmLoadTest.class.getName(), dir.resolve("m").toString()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes());   // stderr may hold the incubator warning
        assertEquals(0, p.waitFor(), "child JVM failed, printed: " + out);
        assertEquals(Arrays.toString(model.forward(input()).toFloatArray()), out);
    }
}
