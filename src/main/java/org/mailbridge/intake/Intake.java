package org.mailbridge.intake;

import java.time.Duration;

/**
 * A way for mail to reach the spool from inside the daemon (an SMTP listener, an IMAP mailbox),
 * beside {@code deliver}. Every intake hands messages to {@link org.mailbridge.spool.Delivery},
 * and tells its sender a message is accepted (SMTP {@code 250}, an IMAP move) only after that
 * returned, so the message is durable in {@code new/} first.
 *
 * <p>Lifecycle: the daemon calls {@link #start()} once the spool is ready and {@link #stop} before
 * it stops anything else. {@code start} returns once the intake is listening or its worker runs;
 * {@code stop} closes the door to new messages, lets those already being written finish (up to
 * the grace period), and returns when nothing more will be acknowledged. Both are called from
 * the daemon's thread; the intake runs its own threads.
 */
public interface Intake {
    /** A short name for logs: {@code smtp}, {@code imap}. */
    String name();

    /**
     * Starts accepting mail.
     *
     * @throws IntakeException when it cannot (port taken, bad TLS files): the daemon does not start
     */
    void start() throws IntakeException;

    /** Stops accepting mail; returns when no message will be acknowledged any more. */
    void stop(Duration grace);
}
