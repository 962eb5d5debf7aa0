package jgrad.data;

/** Thrown when input data is malformed and the caller asked to fail on the first bad row. */
public final class MalformedDataException extends RuntimeException {

    private final transient BadRow badRow;

    public MalformedDataException(BadRow badRow) {
        super(badRow.describe());
        this.badRow = badRow;
    }

    public MalformedDataException(String message, Throwable cause) {
        super(message, cause);
        this.badRow = null;
    }

    /** The offending row, or null when the problem is not tied to one row (e.g. a truncated binary file). */
    public BadRow badRow() {
        return badRow;
    }
}
