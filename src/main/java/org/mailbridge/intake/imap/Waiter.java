package org.mailbridge.intake.imap;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.mail.MessagingException;

import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * Waits for new mail: IDLE on the folder, renewed after the poll interval (servers drop an
 * IDLE that lasts too long, RFC 2177 says 29 minutes), or a plain sleep; both end early on stop.
 */
final class Waiter {
    private final Duration interval;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mailbridge-imap-idle");
        t.setDaemon(true);
        return t;
    });
    private boolean woken;

    Waiter(Duration interval) {
        this.interval = interval;
    }

    /**
     * Blocks in IDLE until the server reports a change or the interval passes. Any other call on
     * the folder ends an IDLE, so the timer ends it with a NOOP.
     */
    void idle(IMAPFolder folder) throws MessagingException {
        ScheduledFuture<?> renew = timer.schedule(() -> {
            try {
                folder.doCommand(p -> {
                    p.simpleCommand("NOOP", null);
                    return null;
                });
            } catch (MessagingException | RuntimeException e) {
                // the worker sees the broken connection itself
            }
        }, interval.toMillis(), TimeUnit.MILLISECONDS);
        try {
            folder.idle(true);
        } finally {
            renew.cancel(false);
        }
    }

    /** Sleeps for the duration, or until {@link #wake()}. */
    synchronized void sleep(Duration d) {
        long deadline = System.nanoTime() + d.toNanos();
        try {
            while (!woken) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends every sleep, now and later: the intake is stopping. */
    synchronized void wake() {
        woken = true;
        notifyAll();
        timer.shutdownNow();
    }
}
