package jgrad.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jgrad.io.InputFileException;
import jgrad.io.InputFiles;

/**
 * Lines of a text file read in its declared encoding. UTF-8 is decoded strictly (a bad byte is named by
 * line). ISO-8859-1 cannot fail to decode, so a file declared Latin-1 that is in fact UTF-8 (it decodes
 * as UTF-8 and has multi-byte characters, which Latin-1 would turn into pairs like "Ã©") is refused,
 * naming the first such character: reading it as Latin-1 would silently corrupt every accented word.
 * A file without a single non-blank line is refused too.
 */
public final class TextFiles {

    /** Larger than any sentence collection this package is meant for. */
    private static final long MAX_BYTES = 256L << 20;

    private TextFiles() {
    }

    /** The file's lines, without line terminators (a final newline does not add an empty line). */
    public static List<String> readLines(Path file, TextEncoding encoding) throws IOException {
        String what = "text in " + encoding;
        String text = switch (encoding) {
            case UTF_8 -> InputFiles.readText(file, what, MAX_BYTES);
            case LATIN_1 -> readLatin1(file, InputFiles.readBytes(file, what, MAX_BYTES));
        };
        List<String> lines = new ArrayList<>(text.lines().toList());
        if (lines.stream().allMatch(String::isBlank)) {
            throw new InputFileException(file, "has no text (declared " + encoding + ")");
        }
        return lines;
    }

    private static String readLatin1(Path file, byte[] bytes) throws InputFileException {
        int multiByte = firstUtf8MultiByte(bytes);
        if (multiByte >= 0 && isValidUtf8(bytes)) {
            throw new InputFileException(file, "is declared ISO-8859-1 (Latin-1) but is UTF-8: a multi-byte character"
                    + " at " + position(bytes, multiByte) + "; read it as UTF-8");
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** The offset of the first byte ≥ 0x80, or −1 for pure ASCII. */
    private static int firstUtf8MultiByte(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] < 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isValidUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** "line L, column C" (both from 1, columns in bytes) of a byte offset. */
    private static String position(byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + ", column " + (offset - lineStart + 1);
    }
}
