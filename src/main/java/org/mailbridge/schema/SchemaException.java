package org.mailbridge.schema;

/** A shipped or registered schema is unreadable or lacks what every schema must declare. */
public final class SchemaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
