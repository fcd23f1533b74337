package org.mailbridge.consume;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.mailbridge.config.Domain;
import org.mailbridge.event.Event;

/**
 * A pull-style tail of the bus over a {@link Subscriber}, of either protocol: the consumer of
 * the end-to-end tests. {@link #next} reports a lost connection instead of waiting for ever.
 */
public final class EventConsumer implements AutoCloseable {
    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final Subscriber subscriber;

    private EventConsumer(Domain domain, List<String> patterns, Duration timeout) throws IOException {
        this.subscriber = Subscriber.open(domain, patterns, Optional.empty(), timeout, new Sink() {
            @Override
            public void accept(Event event) {
                inbox.add(event);
            }

            @Override
            public void lost(Exception cause) {
                inbox.add(cause);
            }
        });
    }

    /**
     * Connects and subscribes. The subscriptions exist when this returns, so events published
     * afterwards are received.
     *
     * @param domain the broker: URL, protocol, kind (for the address scheme), credentials
     * @param patterns binding patterns such as {@code org.fedoraproject.#}
     */
    public static EventConsumer open(Domain domain, List<String> patterns, Duration timeout) throws IOException {
        return new EventConsumer(domain, patterns, timeout);
    }

    /**
     * The next event, waiting up to {@code wait}; empty when none came.
     *
     * @throws IOException when the connection died
     */
    public Optional<Event> next(Duration wait) throws IOException, InterruptedException {
        Object o = inbox.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (o instanceof Exception e) {
            inbox.add(e); // stays lost
            throw new IOException("connection lost: " + e.getMessage(), e);
        }
        return Optional.ofNullable((Event) o);
    }

    @Override
    public void close() {
        subscriber.close();
    }
}
