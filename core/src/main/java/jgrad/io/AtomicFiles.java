package jgrad.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that readers see either the old content or the complete new one, never a part:
 * the bytes go to a temporary file in the same directory (same file system, so the rename is
 * atomic), which is forced to disk and then renamed over the target with ATOMIC_MOVE; the directory
 * is then forced so the rename itself survives a power cut. If the body throws, the temporary file
 * is deleted and the target is untouched. A process killed mid-write leaves only a
 * {@code .NAME.*.tmp} file beside an intact target.
 */
public final class AtomicFiles {

    /** The writing part of a save; may throw. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path target, Body body) throws IOException {
        write(target, body, SaveSteps.NONE);
    }

    /** {@link #write(Path, Body)}, reporting each step to {@code steps} (where tests inject faults). */
    static void write(Path target, Body body, SaveSteps steps) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (absolute.getFileName() == null || absolute.getFileName().toString().isEmpty()) {
            throw new IOException("cannot write '" + target + "': the path names no file");
        }
        if (Files.isDirectory(absolute)) {
            throw new IOException("cannot write " + target + ": it is a directory");
        }
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
        try {
            steps.reached("temporary file created");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                body.writeTo(out);
                out.flush();
                steps.reached("content written");
                ch.force(true);
                steps.reached("content forced to disk");
            }
            keepPermissions(tmp, absolute);
            steps.reached("permissions set");
            Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        steps.reached("renamed over the target");
        forceDirectory(dir);
        steps.reached("directory forced to disk");
    }

    /**
     * A temporary file is private (rw-------); the saved file gets the permissions of the one it
     * replaces, or rw-r--r-- when it is new, like a file written directly.
     */
    private static void keepPermissions(Path tmp, Path target) throws IOException {
        if (!Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> perms = Files.exists(target) ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, perms);
    }

    // Not every platform can open a directory for sync (Windows cannot); the rename is atomic anyway.
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort only
        }
    }
}
