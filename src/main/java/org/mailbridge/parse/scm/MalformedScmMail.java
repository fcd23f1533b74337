package org.mailbridge.parse.scm;

/**
 * A mail that claims a commit-mail format (by its headers or its first lines) but does not
 * follow it. The parser answers {@code Malformed} with this message, and the mail is
 * quarantined as {@code parse-error}.
 */
public final class MalformedScmMail extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong, in one line, for operators */
    public MalformedScmMail(String reason) {
        super(reason, null, false, false);
    }
}
