package org.mailbridge.parse.scm;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.mailbridge.spi.Mail;

/**
 * When a commit happened, and how we know. The mail's own statement about the commit wins;
 * when the mail shows none (or one without a time zone the operator has not configured), the
 * mail's {@code Date} stands in, since commit mailers send from the commit hook: it is the time
 * of the event as the mailer stamped it. {@link #source()} tells which one a body carries, so a
 * consumer can tell the two apart; with neither, the time is unknown.
 *
 * @param time the time, or empty when unknown
 * @param source {@code commit}, {@code mail} or {@code none}
 */
public record CommitTime(Optional<OffsetDateTime> time, String source) {
    /** No time at all. */
    public static final CommitTime NONE = new CommitTime(Optional.empty(), "none");

    /** The commit's own time when known, else the mail's {@code Date}, else none. */
    public static CommitTime of(Optional<OffsetDateTime> fromCommit, Mail mail) {
        if (fromCommit.isPresent()) {
            return new CommitTime(fromCommit, "commit");
        }
        if (mail.date().isPresent()) {
            return new CommitTime(mail.date(), "mail");
        }
        return NONE;
    }

    /** Epoch seconds, or 0 when unknown. */
    public long epoch() {
        return time.map(OffsetDateTime::toEpochSecond).orElse(0L);
    }

    /** ISO 8601 with offset, or {@code ""} when unknown. */
    public String iso() {
        return time.map(ScmDates::iso).orElse("");
    }

    /** Whether a time is known. */
    public boolean known() {
        return time.isPresent();
    }
}
