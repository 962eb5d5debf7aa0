package jgrad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jgrad.backend.Device;
import jgrad.backend.DType;
import jgrad.backend.Storage;
import jgrad.tensor.Tensor;

/** A JVM killed (SIGKILL) in the middle of a save leaves the previous file as it was. */
class KilledSaveTest {

    @TempDir
    Path dir;

    /** Hands out numbers until half-way, then signals the parent and waits to be killed. */
    private static final class StallingStorage extends Storage {
        private final Path signal;

        StallingStorage(Path signal) {
            this.signal = signal;
        }

        @Override public DType dtype() { return DType.F32; }
        @Override public Device device() { return Device.CPU; }
        @Override public int length() { return 1_000_000; }
        @Override public void set(int i, double v) { }

        @Override public double get(int i) {
            if (i == 500_000) {
                try {
                    Files.createFile(signal);
                    Thread.sleep(60_000);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return i;
        }
    }

    /** Run in the child JVM: starts saving over args[0] and stalls half-way. */
    public static void main(String[] args) throws Exception {
        Tensor big = new Tensor(new StallingStorage(Path.of(args[1])), new int[] {1_000_000}, new int[] {1}, 0);
        SafeTensors.write(Path.of(args[0]), Map.of("w", big), Map.of());
    }

    @Test
    void aKilledSaveLeavesThePreviousFile() throws Exception {
        Path f = dir.resolve("w.safetensors");
        SafeTensors.write(f, Map.of("w", Tensor.of(new float[] {1, 2, 3}, 3)), Map.of());
        byte[] before = Files.readAllBytes(f);
        Path signal = dir.resolve("half-written");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djgrad.backend=scalar", KilledSaveTest.class.getName(),
                f.toString(), signal.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!Files.exists(signal) && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(Files.exists(signal), "the child never reached the middle of its save");
        } finally {
            child.destroyForcibly().waitFor();
        }
        assertArrayEquals(before, Files.readAllBytes(f));
        assertArrayEquals(new float[] {1, 2, 3}, SafeTensors.read(f).tensors().get("w").toFloatArray());
        try (var files = Files.list(dir)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().matches("\\.w\\.safetensors\\..*\\.tmp")),
                    "the half-written temporary file is beside the intact target");
        }
    }
}
