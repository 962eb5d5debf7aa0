package jgrad.data;

/**
 * One malformed input row: where it is and what is wrong with it.
 *
 * @param file    the file name (as given to the loader)
 * @param line    the 1-based line number in that file
 * @param problem what was wrong, e.g. {@code "column 'rating': unparsable number 'x'"}
 * @param text    the raw line, for the report
 */
public record BadRow(String file, long line, String problem, String text) {

    /** {@code file:line: problem}, the form compilers use, so editors can jump to it. */
    public String describe() {
        return file + ":" + line + ": " + problem;
    }
}
