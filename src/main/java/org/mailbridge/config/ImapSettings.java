package org.mailbridge.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The daemon's IMAP intake, {@code [intake.imap]}: one mailbox fetched into the spool.
 *
 * @param tls {@code true} for {@code imaps://} (TLS from the first byte); {@code imap://} uses
 *     STARTTLS, required unless the host is a loopback address
 * @param host the server
 * @param port the port (993 / 143 by default)
 * @param username the login, from the URL's user part
 * @param folder the mailbox, from the URL's path (default {@code INBOX})
 * @param passwordFile where the password is; it is never in the URL, logs or command line
 * @param caFile PEM CA bundle to trust instead of the JVM's, if any
 * @param after what is done on the server once a message is durable in the spool
 * @param moveTo the folder for {@link After#MOVE}
 * @param pollInterval how often to look for new mail when the server has no IDLE (and the
 *     longest one IDLE lasts before it is renewed)
 * @param idle use IDLE when the server offers it
 * @param retryMin first wait before reconnecting after a failure
 * @param retryMax the longest wait (it doubles up to this)
 */
public record ImapSettings(boolean tls, String host, int port, String username, String folder, Path passwordFile,
                           Optional<Path> caFile, After after, String moveTo, Duration pollInterval, boolean idle,
                           Duration retryMin, Duration retryMax) {

    /** What becomes of a message on the server after it is spooled. */
    public enum After {
        /** Moved to {@code move_to} (IMAP MOVE, or COPY and expunge). */
        MOVE,
        /** Marked {@code \Seen}; only unseen messages are fetched. */
        FLAG,
        /** Deleted and expunged. */
        DELETE
    }

    /** The mailbox as a URL without any secret, for logs and for the seen-log's key. */
    public String displayUrl() {
        return (tls ? "imaps://" : "imap://") + username + "@" + host + ":" + port + "/" + folder;
    }
}
