package org.mailbridge.spool;

import java.io.IOException;
import java.util.Optional;


/**
 * Puts one message into the spool: the single path shared by {@code deliver} and the daemon's
 * SMTP and IMAP intakes. The message is staged and synced in {@code tmp/}, its envelope (when
 * the transport gave one) written and synced beside it, then it is renamed into {@code new/}
 * and the directory synced. Input that is not mail at all goes to quarantine with its reason.
 * When this returns, the message is durable; when it throws, nothing was committed.
 *
 * <p>On {@code deliver}'s start-up path: JDK and spool classes only.
 */
public final class Delivery {
    private Delivery() {
    }

    /** How a delivery ended. */
    public sealed interface Result permits Spooled, NotMail {
        /** The file, in {@code new/} or {@code quarantine/}. */
        SpoolEntry entry();
    }

    /**
     * The message is in {@code new/}.
     *
     * @param entry its file
     */
    public record Spooled(SpoolEntry entry) implements Result {
    }

    /**
     * The input was not mail; it is kept in {@code quarantine/}.
     *
     * @param entry its file
     * @param why what was wrong
     */
    public record NotMail(SpoolEntry entry, String why) implements Result {
    }

    /**
     * Delivers a message.
     *
     * @param envelope what the transport said, or null when it said nothing
     * @throws IOException when the spool cannot take it (full, unwritable): a transient failure
     */
    public static Result deliver(Spool spool, Spool.Source source, Envelope envelope) throws IOException {
        Spool.Staged staged = spool.stage(source);
        try {
            if (envelope != null) {
                new EnvelopeFile(spool).write(staged.entry().name(), envelope);
            }
            Optional<String> junk = MailSniffer.whyNotMail(staged.head(), staged.size());
            if (junk.isPresent()) {
                SpoolEntry q = new Quarantine(spool).put(staged.entry(), QuarantineNote.of(QuarantineReason.NOT_MAIL, junk.get()));
                return new NotMail(q, junk.get());
            }
            return new Spooled(spool.commit(staged));
        } catch (IOException | RuntimeException e) {
            discard(spool, staged);
            throw e;
        }
    }

    /** Removes what a failed delivery left, so a retried one does not leave a twin behind. */
    private static void discard(Spool spool, Spool.Staged staged) {
        try {
            // Only while the message is still in tmp/: a commit that renamed it and then failed
            // to sync the directory leaves a message that may yet be published with its envelope.
            if (java.nio.file.Files.deleteIfExists(staged.entry().path())) {
                new EnvelopeFile(spool).delete(staged.entry().name());
            }
        } catch (IOException ignored) {
            // what is left in tmp/ is swept later; the caller reports the first failure
        }
    }
}
