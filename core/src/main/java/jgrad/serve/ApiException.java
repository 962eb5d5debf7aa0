package jgrad.serve;

/**
 * A request the server refuses, with the HTTP status to answer and a message that names what is wrong (the
 * parameter, column, row or size). It becomes a JSON body {@code {"error": message, "status": status}}.
 */
public final class ApiException extends RuntimeException {

    private final int status;

    public ApiException(int status, String message) {
        super(message, null, false, false);   // an answer to a client, not a fault: no stack trace to fill
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an API error needs a 4xx or 5xx status, got " + status);
        }
        this.status = status;
    }

    public int status() {
        return status;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, message);
    }
}
