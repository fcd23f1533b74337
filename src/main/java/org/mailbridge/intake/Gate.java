package org.mailbridge.intake;

import java.time.Duration;

/**
 * The door of an intake: open while the daemon runs, closed when it stops. Each message being
 * written into the spool holds a pass; {@link #close} waits until the last pass is returned, so
 * that once it returns no acknowledgement can follow.
 */
public final class Gate {
    private boolean open = true;
    private int inside;

    /**
     * Takes a pass for one message.
     *
     * @return false when the gate is closed: the message must be refused as transient
     */
    public synchronized boolean enter() {
        if (!open) {
            return false;
        }
        inside++;
        return true;
    }

    /** Returns a pass taken with {@link #enter()}. */
    public synchronized void exit() {
        inside--;
        notifyAll();
    }

    /** Whether new messages are still let in. */
    public synchronized boolean isOpen() {
        return open;
    }

    /**
     * Closes the gate and waits for the messages inside to finish.
     *
     * @return true when none is left inside, false when the grace ran out first
     */
    public synchronized boolean close(Duration grace) {
        open = false;
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            while (inside > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return inside == 0;
        }
        return true;
    }
}
