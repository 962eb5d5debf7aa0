package jgrad.examples;

/** A command line that cannot be run as written; the message says what to type instead. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
