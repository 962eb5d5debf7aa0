package jgrad.recsys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jgrad.backend.Backends;
import jgrad.io.ModelFiles;

/**
 * A recommender saved here is loaded by a fresh JVM whose code calls nothing but {@link ModelFiles#load}: the
 * recommender types are found through {@link java.util.ServiceLoader}, with no registration beforehand.
 */
class FreshJvmRecommenderLoadTest {

    @TempDir
    Path dir;

    /** Run in the child JVM: loads the model and prints user 1's scores of every item. */
    public static void main(String[] args) throws Exception {
        Recommender model = (Recommender) ModelFiles.load(Path.of(args[0]));
        System.out.print(Arrays.toString(model.scoreItems(1)));
    }

    @Test
    void aFreshJvmLoadsANeuMfWithoutRegisteringAnything() throws Exception {
        Ncf model = RecsysFixtures.ncf(Ncf.Kind.NEUMF, 3, 5, 7);
        ModelFiles.save(model, dir.resolve("neumf"));
        String backend = Backends.current().name();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djgrad.backend=" + backend));
        if (Backends.vectorApiAvailable()) {
            cmd.add("--add-modules=jdk.incubator.vector");
        }
        cmd.addAll(List.of(FreshJvmRecommenderLoadTest.class.getName(), dir.resolve("neumf").toString()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes());   // stderr may hold the incubator warning
        assertEquals(0, p.waitFor(), "child JVM failed, printed: " + out);
        assertEquals(Arrays.toString(model.scoreItems(1)), out);
    }
}
