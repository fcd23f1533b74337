package org.mailbridge.mail;

import org.mailbridge.spool.QuarantineReason;

/**
 * A message cannot be read as mail, or breaks a configured limit. The message is quarantined with
 * {@link #reason()} as the category ({@link QuarantineReason#MALFORMED} or
 * {@link QuarantineReason#OVERSIZED}) and this message as
 * the detail. The MIME library's exception, if any, is the cause: wrapped once, here.
 */
public class MalformedMailException extends Exception {
    private static final long serialVersionUID = 1L;
    private final QuarantineReason reason;

    public MalformedMailException(QuarantineReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** The quarantine category. */
    public QuarantineReason reason() {
        return reason;
    }
}
