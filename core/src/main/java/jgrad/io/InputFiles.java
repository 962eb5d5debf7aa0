package jgrad.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The first step of every reader of a file that anyone may hand us: the path must name a regular
 * file (not a directory, a device such as /dev/zero, a pipe or a socket, which report no useful size
 * and can be read without end or block forever) whose size is within what the reader accepts, checked
 * before a byte is read. Text is decoded strictly: a byte that is not UTF-8 is an error naming its
 * line, not a replacement character. Every error is an {@link InputFileException} naming the file.
 */
public final class InputFiles {

    private InputFiles() {
    }

    /**
     * Checks that {@code file} is a regular file (symbolic links followed) of at most {@code maxBytes};
     * returns its size. {@code what} says what the file should be, for the message ("a model file").
     */
    public static long checkRegular(Path file, String what, long maxBytes) throws InputFileException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new InputFileException(file, "no such file (expected " + what + ")");
        } catch (AccessDeniedException e) {
            throw new InputFileException(file, "permission denied (cannot read " + what + ")");
        } catch (IOException e) {
            throw new InputFileException(file, "cannot be read: " + e.getMessage());
        }
        if (a.isDirectory()) {
            throw new InputFileException(file, "is a directory, not " + what);
        }
        if (!a.isRegularFile()) {
            throw new InputFileException(file, "is not a regular file (a device, pipe or socket?); "
                    + "jgrad reads " + what + " only from a regular file");
        }
        if (a.size() > maxBytes) {
            throw new InputFileException(file, "is " + a.size() + " bytes, more than the " + maxBytes
                    + " allowed for " + what);
        }
        return a.size();
    }

    /** The bytes of a checked regular file; never more than {@code maxBytes}, even if it grows meanwhile. */
    public static byte[] readBytes(Path file, String what, long maxBytes) throws IOException {
        long size = checkRegular(file, what, Math.min(maxBytes, Integer.MAX_VALUE - 16));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate((int) size);
            while (b.hasRemaining() && ch.read(b) >= 0) {
                // a file that shrinks meanwhile ends the loop; one that grows is read to its checked size
            }
            if (b.hasRemaining()) {
                throw new InputFileException(file, "shrank while being read (" + b.position() + " of " + size + " bytes)");
            }
            return b.array();
        }
    }

    /** The UTF-8 text of a checked regular file; a byte sequence that is not UTF-8 is an error naming its line. */
    public static String readText(Path file, String what, long maxBytes) throws IOException {
        return decodeUtf8(file, readBytes(file, what, maxBytes));
    }

    /** A checked file's JSON ({@link Json#parse}); a syntax error names the file, line and column. */
    public static Object readJson(Path file, String what, long maxBytes) throws IOException {
        String text = readText(file, what, maxBytes);
        try {
            return Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InputFileException(file, "not valid JSON: " + e.getMessage().replaceFirst("^JSON: ", ""));
        }
    }

    /** Strict UTF-8 decoding; on a bad byte, says on which line it is. */
    static String decodeUtf8(Path file, byte[] bytes) throws InputFileException {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new InputFileException(file, String.format("line %d: byte 0x%02X (offset %d) is not UTF-8 text;"
                    + " is it a binary file?", line, bytes[at] & 0xFF, at));
        }
        d.flush(out);
        return out.flip().toString();
    }
}
