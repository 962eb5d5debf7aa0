package jgrad.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

    @TempDir
    Path dir;

    private static String problem(Path file, long max) {
        return assertThrows(InputFileException.class, () -> InputFiles.readText(file, "a test file", max)).getMessage();
    }

    @Test
    void onlyARegularFileWithinItsLimitIsRead() throws IOException {
        Path f = dir.resolve("a.txt");
        Files.writeString(f, "héllo\n");
        assertEquals("héllo\n", InputFiles.readText(f, "a test file", 100));
        assertEquals(f + ": is 7 bytes, more than the 6 allowed for a test file", problem(f, 6));
        assertEquals(dir + ": is a directory, not a test file", problem(dir, 100));
        assertEquals(dir.resolve("none") + ": no such file (expected a test file)", problem(dir.resolve("none"), 100));
    }

    @Test
    void aDeviceOrAPipeIsRefusedBeforeAnyRead() throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "needs /dev/zero");
        assertTrue(problem(Path.of("/dev/zero"), 100).contains("is not a regular file"));
        Path fifo = dir.resolve("fifo");
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException absent) {
            Assumptions.abort("mkfifo is absent");
            return;
        }
        Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo failed");
        assertTrue(problem(fifo, 100).contains("is not a regular file"), "a pipe would block the reader forever");
    }

    @Test
    void bytesThatAreNotUtf8AreNamedByLine() throws IOException {
        Path f = dir.resolve("bin.json");
        byte[] text = "{\n\"a\":\n\"".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(text, text.length + 2);
        bytes[text.length] = (byte) 0xC3;          // a lead byte followed by '\0': malformed
        Files.write(f, bytes);
        assertEquals(f + ": line 3: byte 0xC3 (offset 8) is not UTF-8 text; is it a binary file?", problem(f, 100));
    }

    @Test
    void jsonErrorsNameTheFileLineAndColumn() throws IOException {
        Path f = dir.resolve("deep.json");
        Files.writeString(f, "{\"a\":\n" + "[".repeat(1000));
        var e = assertThrows(InputFileException.class, () -> InputFiles.readJson(f, "a case", 10_000));
        assertTrue(e.getMessage().startsWith(f + ": not valid JSON: nested more than 200 levels deep at line 2"),
                e.getMessage());
    }
}
