package jgrad.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jgrad.backend.DType;
import jgrad.train.Sequential;

/**
 * A save stopped at any of its steps, by an error or by the death of the process, leaves a path that
 * loads: the complete old model before the rename, the complete new one after it. The steps come from a
 * recorded save, so a step added to the save is covered without changing this test.
 */
class SaveFaultTest {

    @TempDir
    Path dir;

    static final String RENAMED = "renamed over the target";

    /** The old model and the new one differ in one bias, which says which one loaded. */
    static Sequential model(double marker) {
        Sequential m = ModelFilesTest.mlp(DType.F32);
        m.parameters().get("2.b").set(marker, 0);
        return m;
    }

    static final double OLD = 1.5;
    static final double NEW = -2.5;

    static Map<String, Object> preprocessing(double marker) {
        return Map.of("scale", marker);
    }

    static double markerOf(Path path) throws IOException {
        ModelFiles.Loaded loaded = ModelFiles.read(path);
        double weight = loaded.model().parameters().get("2.b").get(0);
        assertEquals(weight, ((Number) loaded.preprocessing().get("scale")).doubleValue(),
                "the weights and the preprocessing of one save");
        return weight;
    }

    static List<String> recordSteps(Path scratch) throws IOException {
        List<String> steps = new ArrayList<>();
        ModelFiles.save(model(OLD), scratch, preprocessing(OLD));
        ModelFiles.save(model(NEW), scratch, preprocessing(NEW), steps::add);
        return steps;
    }

    private List<String> files(Path d) throws IOException {
        try (var s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theStepsOfASaveAreKnown() throws IOException {
        List<String> steps = recordSteps(dir.resolve("rec/m"));
        assertTrue(steps.size() >= 9, steps.toString());
        assertTrue(steps.contains("tensor 0.W written") && steps.contains(RENAMED), steps.toString());
    }

    @Test
    void aSaveThatFailsAtAnyStepLeavesTheOldModelOrTheNewOneAndNoStrayFile() throws IOException {
        List<String> steps = recordSteps(dir.resolve("rec/m"));
        int renamed = steps.indexOf(RENAMED);
        for (int i = 0; i < steps.size(); i++) {
            String at = steps.get(i);
            Path d = Files.createDirectories(dir.resolve("fail-" + i));
            ModelFiles.save(model(OLD), d.resolve("m"), preprocessing(OLD));
            IOException e = assertThrows(IOException.class, () -> ModelFiles.save(model(NEW), d.resolve("m"),
                    preprocessing(NEW), step -> {
                        if (step.equals(at)) {
                            throw new IOException("injected at " + step);
                        }
                    }), at);
            assertEquals("injected at " + at, e.getMessage());
            assertEquals(i < renamed ? OLD : NEW, markerOf(d.resolve("m")), "failed at '" + at + "'");
            assertEquals(List.of("m.safetensors"), files(d), "failed at '" + at + "'");
        }
    }

    @Test
    void aFirstSaveThatFailsBeforeItsRenameLeavesNothing() throws IOException {
        List<String> steps = recordSteps(dir.resolve("rec/m"));
        for (String at : steps.subList(0, steps.indexOf(RENAMED))) {
            Path d = Files.createDirectories(dir.resolve("first-" + steps.indexOf(at)));
            assertThrows(IOException.class, () -> ModelFiles.save(model(NEW), d.resolve("m"), preprocessing(NEW),
                    step -> {
                        if (step.equals(at)) {
                            throw new IOException("injected");
                        }
                    }));
            assertEquals(List.of(), files(d), "failed at '" + at + "'");
        }
    }

    @Test
    void aSaveWhosePreprocessingCannotBeWrittenFailsBeforeTouchingAnything() throws IOException {
        ModelFiles.save(model(OLD), dir.resolve("m"), preprocessing(OLD));
        var e = assertThrows(IllegalArgumentException.class, () -> ModelFiles.save(model(NEW), dir.resolve("m"),
                Map.of("scale", Double.POSITIVE_INFINITY)));
        assertTrue(e.getMessage().contains("m.safetensors") && e.getMessage().contains("Infinity"), e.getMessage());
        assertEquals(OLD, markerOf(dir.resolve("m")));
        assertEquals(List.of("m.safetensors"), files(dir));
    }

    /** Run in a child JVM: saves the new model over args[0] and halts the JVM (no clean-up runs) at step args[1]. */
    public static void main(String[] args) throws IOException {
        String at = args[1];
        ModelFiles.save(model(NEW), Path.of(args[0]), preprocessing(NEW), step -> {
            if (step.equals(at)) {
                Runtime.getRuntime().halt(137);
            }
        });
    }

    @Test
    void aProcessKilledAtAnyStepLeavesALoadableModel() throws Exception {
        List<String> steps = recordSteps(dir.resolve("rec/m"));
        int renamed = steps.indexOf(RENAMED);
        for (int i = 0; i < steps.size(); i++) {
            Path d = Files.createDirectories(dir.resolve("kill-" + i));
            ModelFiles.save(model(OLD), d.resolve("m"), preprocessing(OLD));
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Djgrad.backend=scalar", "-Xshare:auto",
                    "-XX:TieredStopAtLevel=1", SaveFaultTest.class.getName(), d.resolve("m").toString(), steps.get(i))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertEquals(137, child.waitFor(), "the child halts at '" + steps.get(i) + "'");
            assertEquals(i < renamed ? OLD : NEW, markerOf(d.resolve("m")), "killed at '" + steps.get(i) + "'");
            for (String f : files(d)) {
                assertTrue(f.equals("m.safetensors") || f.matches("\\.m\\.safetensors\\..*\\.tmp"),
                        "killed at '" + steps.get(i) + "' left " + f);
            }
        }
    }

    @Test
    void concurrentSavesToOnePathLeaveOneWholeModel() throws Exception {
        Path m = dir.resolve("m");
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        for (double marker : new double[] {OLD, NEW, 7.25, -0.125}) {
            Thread t = new Thread(() -> {
                try {
                    for (int r = 0; r < 15; r++) {
                        ModelFiles.save(model(marker), m, preprocessing(marker));
                        markerOf(m);                                   // whatever is there is whole
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(List.of(), errors);
        assertTrue(List.of(OLD, NEW, 7.25, -0.125).contains(markerOf(m)));
        assertEquals(List.of("m.safetensors"), files(dir));
    }
}
