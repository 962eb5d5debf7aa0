package jgrad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jgrad.backend.Device;
import jgrad.backend.DType;
import jgrad.backend.Storage;
import jgrad.tensor.Tensor;

class AtomicWriteTest {

    @TempDir
    Path dir;

    /** A storage whose reads fail after {@code failAt} elements, like a device that goes away mid-save. */
    private static final class FailingStorage extends Storage {
        private final int failAt;
        private final int length;

        FailingStorage(int length, int failAt) {
            this.length = length;
            this.failAt = failAt;
        }

        @Override public DType dtype() { return DType.F32; }
        @Override public Device device() { return Device.CPU; }
        @Override public int length() { return length; }
        @Override public void set(int i, double v) { }

        @Override public double get(int i) {
            if (i >= failAt) {
                throw new IllegalStateException("device lost at element " + i);
            }
            return i;
        }
    }

    private List<Path> filesIn() throws IOException {
        try (var s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void aBodyThatThrowsMidwayLeavesTheOldFileByteIdentical() throws IOException {
        Path f = dir.resolve("model.safetensors");
        Files.write(f, new byte[] {1, 2, 3, 4});
        byte[] before = Files.readAllBytes(f);
        assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full");
        }));
        assertArrayEquals(before, Files.readAllBytes(f));
        assertEquals(List.of(f), filesIn(), "the temporary file is removed");
    }

    @Test
    void aSafeTensorsSaveThatFailsMidwayLeavesThePreviousWeights() throws IOException {
        Path f = dir.resolve("w.safetensors");
        SafeTensors.write(f, Map.of("w", Tensor.of(new float[] {1, 2, 3}, 3)), Map.of());
        byte[] before = Files.readAllBytes(f);
        Tensor failing = new Tensor(new FailingStorage(200_000, 150_000), new int[] {200_000}, new int[] {1}, 0);
        var e = assertThrows(IllegalStateException.class, () -> SafeTensors.write(f, Map.of("w", failing), Map.of()));
        assertEquals("device lost at element 150000", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(f));
        assertEquals(List.of(f), filesIn());
    }

    @Test
    void aSuccessfulWriteReplacesTheFile() throws IOException {
        Path f = dir.resolve("sub/a.txt");
        AtomicFiles.write(f, out -> out.write("old".getBytes()));
        AtomicFiles.write(f, out -> out.write("new".getBytes()));
        assertEquals("new", Files.readString(f));
    }

    @Test
    void aSavedFileIsReadableLikeAnyOtherAndKeepsThePermissionsItReplaces() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"),
                "needs POSIX permissions");
        Path f = dir.resolve("perm.bin");
        AtomicFiles.write(f, out -> out.write(1));
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        AtomicFiles.write(f, out -> out.write(2));
        assertEquals("rw-r-----", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }
}
