package jgrad.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that jgrad was asked to read but cannot read as what it should be: missing, not a regular
 * file, too large, not text, malformed. The message starts with the file's path and says what is wrong.
 */
public class InputFileException extends IOException {

    private final transient Path file;

    public InputFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /** The file that could not be read. */
    public Path file() {
        return file;
    }
}
