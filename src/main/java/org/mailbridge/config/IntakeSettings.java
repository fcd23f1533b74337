package org.mailbridge.config;

import java.util.Optional;

/**
 * The daemon's intakes besides the spool directory, {@code [intake.*]}: each is off unless its
 * table is present.
 *
 * @param smtp the SMTP listener
 * @param imap the IMAP mailbox
 */
public record IntakeSettings(Optional<SmtpSettings> smtp, Optional<ImapSettings> imap) {
    /** No intake. */
    public static final IntakeSettings NONE = new IntakeSettings(Optional.empty(), Optional.empty());
}
