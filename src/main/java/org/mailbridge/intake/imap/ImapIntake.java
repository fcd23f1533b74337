package org.mailbridge.intake.imap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.mailbridge.config.ImapSettings;
import org.mailbridge.intake.Gate;
import org.mailbridge.intake.Intake;
import org.mailbridge.intake.IntakeException;
import org.mailbridge.log.LogFmt;
import org.mailbridge.spool.Spool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's IMAP intake: one worker thread keeps a connection to the mailbox, spools what
 * arrives (see {@link MailboxPass}), then waits with IDLE when the server offers it or sleeps
 * for the poll interval when not; after any failure it reconnects, waiting twice as long each
 * time up to {@code retry_max}. Its {@link SeenLog} lives in the spool, under {@code intake/}.
 */
public final class ImapIntake implements Intake {
    private static final Logger LOG = LoggerFactory.getLogger(ImapIntake.class);

    private final ImapSettings settings;
    private final Spool spool;
    private final MailboxPass.CrashPoint crash;
    private final Gate gate = new Gate();
    private final Waiter waiter;
    private volatile boolean stopping;
    private volatile Store store;
    private Thread worker;
    private SeenLog seen;

    public ImapIntake(ImapSettings settings, Spool spool) {
        this(settings, spool, MailboxPass.CrashPoint.NONE);
    }

    ImapIntake(ImapSettings settings, Spool spool, MailboxPass.CrashPoint crash) {
        this.settings = settings;
        this.spool = spool;
        this.crash = crash;
        this.waiter = new Waiter(settings.pollInterval());
    }

    @Override
    public String name() {
        return "imap";
    }

    @Override
    public synchronized void start() throws IntakeException {
        try {
            seen = SeenLog.open(seenFile());
        } catch (IOException e) {
            throw new IntakeException("intake.imap: cannot open " + seenFile() + ": " + e.getMessage(), e);
        }
        worker = new Thread(this::loop, "mailbridge-imap");
        worker.setDaemon(true);
        worker.start();
        LOG.info("{}", LogFmt.msg("imap intake started").kv("mailbox", settings.displayUrl())
                .kv("after", settings.after().name().toLowerCase(java.util.Locale.ROOT)));
    }

    private Path seenFile() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(settings.displayUrl().getBytes(StandardCharsets.UTF_8));
            return spool.root().resolve("intake").resolve("imap-" + HexFormat.of().formatHex(d, 0, 8) + ".seen");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private void loop() {
        Duration wait = Duration.ZERO;
        while (!stopping) {
            try {
                session(new ImapConnector(settings));
                wait = Duration.ZERO;
            } catch (MessagingException | IOException | RuntimeException e) {
                if (stopping) {
                    break;
                }
                wait = wait.isZero() ? settings.retryMin() : min(wait.multipliedBy(2), settings.retryMax());
                LOG.warn("{}", LogFmt.msg("imap intake failed").kv("mailbox", settings.displayUrl())
                        .kv("retry_in_ms", wait.toMillis()).kv("err", e.toString()));
                waiter.sleep(wait);
            } catch (CrashedForTest e) {
                return;
            } finally {
                closeStore();
            }
        }
    }

    /** One connection: pass over the mailbox, wait, again, until a failure or stop. */
    private void session(ImapConnector connector) throws MessagingException, IOException {
        Store s = connector.connect();
        store = s;
        if (stopping) {
            return;
        }
        IMAPFolder folder = (IMAPFolder) s.getFolder(settings.folder());
        folder.open(Folder.READ_WRITE);
        boolean idle = settings.idle() && ((IMAPStore) s).hasCapability("IDLE");
        LOG.info("{}", LogFmt.msg("imap intake connected").kv("mailbox", settings.displayUrl()).kv("idle", idle));
        MailboxPass pass = new MailboxPass(settings, spool, gate, seen, crash);
        while (!stopping) {
            pass.run(folder);
            if (stopping) {
                break;
            }
            if (idle) {
                waiter.idle(folder);
            } else {
                waiter.sleep(settings.pollInterval());
                folder.getMessageCount(); // a NOOP: the server reports what arrived meanwhile
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    private void closeStore() {
        Store s = store;
        store = null;
        if (s != null) {
            try {
                s.close();
            } catch (MessagingException e) {
                // the connection is going away either way
            }
        }
    }

    @Override
    public void stop(Duration grace) {
        stopping = true;
        boolean drained = gate.close(grace);
        waiter.wake();
        closeStore(); // ends a blocking IDLE
        Thread w;
        synchronized (this) {
            w = worker;
            worker = null;
        }
        if (w != null) {
            try {
                w.join(grace.toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (seen != null) {
            seen.close();
        }
        LOG.info("{}", LogFmt.msg("imap intake stopped").kv("mailbox", settings.displayUrl()).kv("drained", drained));
    }

    /** Thrown by a test's {@link MailboxPass.CrashPoint}: the worker ends on the spot, as the process would. */
    static final class CrashedForTest extends Error {
        private static final long serialVersionUID = 1L;
    }
}
