package jgrad.io;

import java.nio.file.Path;

/** A model or weights file that cannot be read as what it claims to be; the message names the file. */
public final class ModelFileException extends InputFileException {

    public ModelFileException(Path file, String problem) {
        super(file, problem);
    }
}
