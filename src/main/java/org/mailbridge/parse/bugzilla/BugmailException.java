package org.mailbridge.parse.bugzilla;

/**
 * Bugmail that claims to be bugmail but cannot be read exactly (a cut-off table, no footer, no
 * bug id). The parser turns it into {@link org.mailbridge.spi.ParseOutcome.Malformed}.
 */
final class BugmailException extends Exception {
    private static final long serialVersionUID = 1L;

    BugmailException(String reason) {
        super(reason);
    }
}
