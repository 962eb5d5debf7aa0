package jgrad.backend;

/**
 * A {@code -Djgrad.*} switch set to a value it does not take ({@link Settings}): the message names the property,
 * the value and what was expected. A command line reports it as a usage error, not as a failure of the work.
 */
public final class BadSettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public BadSettingException(String message) {
        super(message);
    }
}
