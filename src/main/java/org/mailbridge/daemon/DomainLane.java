package org.mailbridge.daemon;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.mailbridge.event.Event;
import org.mailbridge.log.LogFmt;
import org.mailbridge.publish.Confirms;
import org.mailbridge.publish.PublishException;
import org.mailbridge.publish.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One security domain's sender: its own thread, its own queue, its own state, so that a domain
 * whose broker is down (or slow to connect) holds only its own mail. Shares are sent in the
 * order they were queued, without waiting for confirmations; each one's answer goes back to its
 * {@link Shipment}.
 *
 * <p>States: {@code up} sends freely; {@code down} fails what is queued at once (the window sets
 * that mail aside) and probes the broker every {@code probe_interval}; once a probe connects,
 * {@code probation} sends one share alone and waits for its answer before opening up again, so
 * that a broker that is still flapping, or a message that breaks the channel, costs one mail,
 * not a window of them.
 */
final class DomainLane implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DomainLane.class);

    /** A domain's state, as status shows it. */
    enum State {
        UP, PROBATION, DOWN;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether each domain of {@code labels} (name to {@link #label}) can take mail: up or on probation. */
        static Map<String, Boolean> connected(Map<String, String> labels) {
            Map<String, Boolean> m = new LinkedHashMap<>();
            labels.forEach((name, label) -> m.put(name, !DOWN.label().equals(label)));
            return m;
        }
    }

    private record Share(Shipment shipment, List<Event> events) {
    }

    private final String name;
    private final Publisher publisher;
    private final Duration probeInterval;
    private final Consumer<String> backUp;
    private final LinkedBlockingQueue<Share> queue = new LinkedBlockingQueue<>();
    private final Object lock = new Object();
    private final Thread thread;
    private volatile State state = State.DOWN;
    private volatile boolean closed;
    private int inFlight;
    private long downSince = System.nanoTime();
    private String lastError = "not connected yet";

    /**
     * @param backUp told the domain's name when its broker answers again (to lift held mail)
     */
    DomainLane(String name, Publisher publisher, Duration probeInterval, Consumer<String> backUp) {
        this.name = name;
        this.publisher = publisher;
        this.probeInterval = probeInterval;
        this.backUp = backUp;
        this.thread = new Thread(this::run, "mailbridge-send-" + name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    String name() {
        return name;
    }

    State state() {
        return state;
    }

    /** Shares queued or sent and not yet answered. */
    int backlog() {
        synchronized (lock) {
            return queue.size() + inFlight;
        }
    }

    /** Queues a mail's share for this domain; never blocks. */
    void enqueue(Shipment s, List<Event> events) {
        queue.add(new Share(s, events));
    }

    private void run() {
        while (!closed) {
            try {
                if (state == State.DOWN) {
                    failQueued("domain " + name + " is down: " + lastError);
                    probe();
                    continue;
                }
                Share s = queue.poll(200, TimeUnit.MILLISECONDS);
                if (s == null) {
                    continue;
                }
                if (state == State.DOWN) {
                    s.shipment().answered(downError());
                    continue;
                }
                send(s);
            } catch (InterruptedException e) {
                if (!closed) {
                    Thread.currentThread().interrupt();
                }
                return;
            } catch (RuntimeException e) { // NOPMD: the lane must outlive a bug in one send
                LOG.error("{}", LogFmt.msg("sender error").kv("domain", name).kv("err", e.toString()), e);
                markDown(new PublishException(PublishException.Scope.CONNECTION, name, e.toString(), e));
            }
        }
        failQueued("daemon stopping");
    }

    private void send(Share s) throws InterruptedException {
        synchronized (lock) {
            // In probation one share goes alone; the next waits for its answer.
            while (state == State.PROBATION && inFlight > 0 && !closed) {
                lock.wait(100);
            }
            if (state == State.DOWN) {
                s.shipment().answered(downError());
                return;
            }
            inFlight++;
        }
        java.util.concurrent.CompletableFuture<Void> sent;
        try {
            sent = publisher.send(s.events());
        } catch (RuntimeException e) { // NOPMD: a publisher bug must still answer for the share, or its mail stays in the window
            sent = java.util.concurrent.CompletableFuture.failedFuture(new PublishException(
                    PublishException.Scope.CONNECTION, name, "send failed: " + e, e));
        }
        sent.whenComplete((ok, failure) -> {
            PublishException e = failure == null ? null : Confirms.unwrap(failure, name);
            synchronized (lock) {
                inFlight--;
                if (e != null && e.scope() == PublishException.Scope.CONNECTION) {
                    markDown(e);
                } else if (state == State.PROBATION) {
                    // A confirmation, or a refusal of that one message: either way the broker answers.
                    state = State.UP;
                    LOG.info("{}", LogFmt.msg("domain up").kv("domain", name));
                }
                lock.notifyAll();
            }
            s.shipment().answered(e);
        });
    }

    private void markDown(PublishException e) {
        synchronized (lock) {
            lastError = e.getMessage();
            if (state != State.DOWN) {
                state = State.DOWN;
                downSince = System.nanoTime();
                LOG.warn("{}", LogFmt.msg("broker unavailable").kv("domain", name).kv("err", e.getMessage())
                        .kv("probe_every_ms", probeInterval.toMillis()));
            }
            lock.notifyAll();
        }
    }

    private PublishException downError() {
        return new PublishException(PublishException.Scope.CONNECTION, name, "domain " + name + " is down: "
                + lastError, null);
    }

    private void failQueued(String why) {
        for (Share s; (s = queue.poll()) != null;) {
            s.shipment().answered(new PublishException(PublishException.Scope.CONNECTION, name, why, null));
        }
    }

    /** Tries the broker; on success the domain goes into probation and its held mail is lifted. */
    private void probe() throws InterruptedException {
        try {
            publisher.connect();
        } catch (PublishException e) {
            synchronized (lock) {
                lastError = e.getMessage();
                lock.wait(Math.max(1, probeInterval.toMillis()));
            }
            return;
        }
        long downMs = (System.nanoTime() - downSince) / 1_000_000;
        synchronized (lock) {
            state = State.PROBATION;
        }
        LOG.info("{}", LogFmt.msg("broker reachable").kv("domain", name).kv("down_ms", downMs));
        backUp.accept(name);
    }

    /** Whether the lane can take mail now (not down). */
    boolean usable() {
        return state != State.DOWN;
    }

    @Override
    public void close() {
        closed = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failQueued("daemon stopping");
    }
}
