package org.mailbridge.mail;

/**
 * A message cannot be read as mail, or breaks a configured limit. The message is quarantined with
 * {@link #reason()} as the category ({@code malformed} or {@code oversized}) and this message as
 * the detail. The MIME library's exception, if any, is the cause: wrapped once, here.
 */
public class MalformedMailException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String reason;

    public MalformedMailException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** The quarantine category. */
    public String reason() {
        return reason;
    }
}
