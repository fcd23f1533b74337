package org.mailbridge.publish;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The confirmations one {@link Publisher#send} waits for: its stage completes when the last of
 * its events is confirmed, or fails at the first event that is not. Safe to call from any thread.
 */
final class ConfirmCount {
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final AtomicInteger remaining;

    ConfirmCount(int events) {
        this.remaining = new AtomicInteger(events);
        if (events == 0) {
            done.complete(null);
        }
    }

    /** One more event confirmed. */
    void confirmed() {
        if (remaining.decrementAndGet() == 0) {
            done.complete(null);
        }
    }

    /** An event was not confirmed: the whole send fails (later confirmations change nothing). */
    void failed(PublishException e) {
        done.completeExceptionally(e);
    }

    boolean isDone() {
        return done.isDone();
    }

    CompletableFuture<Void> future() {
        return done;
    }
}
