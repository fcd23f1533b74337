package org.mailbridge.intake;

/** An intake could not start: a port in use, unreadable TLS files, a bad address. */
public final class IntakeException extends Exception {
    private static final long serialVersionUID = 1L;

    public IntakeException(String message, Throwable cause) {
        super(message, cause);
    }
}
