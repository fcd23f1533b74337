package org.mailbridge.publish;

import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The sends of one publisher still waiting for their broker, oldest first, with the deadline by
 * which each must be confirmed. A broker that neither confirms nor fails a send (a half-open
 * connection) would otherwise keep its mail in flight for ever: a watchdog fails such sends as
 * the connection's fault and tells the publisher, which drops the connection. One queue in send
 * order makes the check cheap: deadlines grow along it, so only its head need be looked at.
 */
final class PendingConfirms {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mailbridge-confirm-timeouts");
        t.setDaemon(true);
        return t;
    });

    private record Pending(ConfirmCount count, long deadline, Object connection) {
    }

    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final Duration timeout;
    private final String domain;
    private final ScheduledFuture<?> check;

    /**
     * @param onExpired told of the connection a send expired on (the same one once per check)
     */
    PendingConfirms(String domain, Duration timeout, Consumer<Object> onExpired) {
        this.domain = domain;
        this.timeout = timeout;
        long every = Math.max(10, Math.min(1000, timeout.toMillis() / 4));
        this.check = WATCHDOG.scheduleWithFixedDelay(() -> expire(System.nanoTime(), onExpired), every, every,
                TimeUnit.MILLISECONDS);
    }

    /** Tracks a send made on the given connection. */
    void add(ConfirmCount count, Object connection) {
        queue.add(new Pending(count, System.nanoTime() + timeout.toNanos(), connection));
    }

    void expire(long now, Consumer<Object> onExpired) {
        Object last = null;
        for (Iterator<Pending> it = queue.iterator(); it.hasNext();) {
            Pending p = it.next();
            if (p.count().isDone()) {
                it.remove();
                continue;
            }
            if (now - p.deadline() < 0) {
                return;
            }
            it.remove();
            p.count().failed(new PublishException(PublishException.Scope.CONNECTION, domain,
                    "no confirmation from the broker within " + timeout.toSeconds() + "s", null));
            if (p.connection() != last) {
                last = p.connection();
                onExpired.accept(last);
            }
        }
    }

    /** Fails every send still waiting (the connection they were sent on is gone). */
    void failAll(PublishException e) {
        for (Pending p; (p = queue.poll()) != null;) {
            p.count().failed(e);
        }
    }

    /** Stops the watchdog's check; sends still waiting fail. */
    void close() {
        check.cancel(false);
        failAll(new PublishException(PublishException.Scope.CONNECTION, domain, "publisher closed", null));
    }
}
