package org.mailbridge.api;

/** An event was refused before it was sent: its topic has no schema, or its body fails it. */
public final class InvalidEventException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidEventException(String message) {
        super(message);
    }
}
