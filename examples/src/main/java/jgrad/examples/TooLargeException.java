package jgrad.examples;

/** A request that the machine cannot serve (memory, threads); the message says what was too big and the limit. */
final class TooLargeException extends RuntimeException {

    TooLargeException(String message) {
        super(message);
    }
}
