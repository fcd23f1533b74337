package org.mailbridge.event;

/**
 * An event body that is not JSON: a value that is not a map with string keys, a list, a
 * string, a number, a boolean or null (an {@code Optional}, a bean, a date, NaN), or nesting
 * deeper than {@link JsonBody#MAX_DEPTH}. Thrown where a parser's draft becomes an
 * {@link Event}, so the mail is quarantined as {@code parser-error} and never reaches a
 * publisher.
 */
public final class UnserialisableBodyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String path;

    /**
     * @param path where in the body, in the {@link org.mailbridge.spi.Unknowns} path syntax
     *     (empty for the body itself)
     */
    public UnserialisableBodyException(String path, String message) {
        this(path, (path.isEmpty() ? "body" : path.startsWith("[") ? "body" + path : "body." + path) + ": " + message,
                null);
    }

    private UnserialisableBodyException(String path, String fullMessage, Void unused) {
        super(fullMessage);
        this.path = path;
    }

    /** The same problem, its message prefixed with {@code context} (such as which event). */
    public UnserialisableBodyException in(String context) {
        return new UnserialisableBodyException(path, context + ": " + getMessage(), null);
    }

    /** Where in the body the bad value is. */
    public String path() {
        return path;
    }
}
