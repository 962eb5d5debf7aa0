package jgrad.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jgrad.io.InputFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Declared encodings: what is read, and the errors for text in another encoding or without text. */
class TextFilesTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    @Test
    void latin1BytesAreOneCharacterEach() throws IOException {
        // 0xE9 is é in ISO-8859-1; the MR files hold such bytes (and are not UTF-8)
        Path f = write("l1.txt", new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n', 'o', 'k', '\n'});
        assertEquals(List.of("café", "ok"), TextFiles.readLines(f, TextEncoding.LATIN_1));
    }

    @Test
    void utf8DeclaredLatin1IsRefusedNamingTheCharacter() throws IOException {
        Path f = write("u.txt", "fine\nun café\n".getBytes(StandardCharsets.UTF_8));
        InputFileException e = assertThrows(InputFileException.class, () -> TextFiles.readLines(f, TextEncoding.LATIN_1));
        assertTrue(e.getMessage().contains("is UTF-8") && e.getMessage().contains("line 2, column 7"), e.getMessage());
        assertEquals(List.of("fine", "un café"), TextFiles.readLines(f, TextEncoding.UTF_8));
    }

    @Test
    void latin1DeclaredUtf8IsRefusedNamingTheLine() throws IOException {
        Path f = write("l1.txt", new byte[] {'o', 'k', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n'});
        InputFileException e = assertThrows(InputFileException.class, () -> TextFiles.readLines(f, TextEncoding.UTF_8));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void aFileWithoutTextIsRefused() throws IOException {
        for (byte[] content : new byte[][] {{}, {' ', '\n', '\n'}}) {
            Path f = write("empty.txt", content);
            InputFileException e = assertThrows(InputFileException.class,
                    () -> TextFiles.readLines(f, TextEncoding.LATIN_1));
            assertTrue(e.getMessage().contains("has no text"), e.getMessage());
        }
    }

    @Test
    void encodingNames() {
        assertEquals(TextEncoding.LATIN_1, TextEncoding.parse("ISO-8859-1"));
        assertEquals(TextEncoding.UTF_8, TextEncoding.parse("utf8"));
        assertThrows(IllegalArgumentException.class, () -> TextEncoding.parse("cp1252"));
    }
}
