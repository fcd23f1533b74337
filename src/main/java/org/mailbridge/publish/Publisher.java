package org.mailbridge.publish;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.mailbridge.event.Event;

/**
 * Publishes events to one broker (one security domain). Implementations connect lazily and
 * reconnect after failures. {@link #send} and {@link #connect} are called by one thread at a
 * time (a domain's sender); the confirmations come back on the client library's threads.
 */
public interface Publisher extends AutoCloseable {
    /**
     * Sends the events durably without waiting for the broker. The returned stage completes
     * normally once the broker has confirmed every one, or exceptionally with a
     * {@link PublishException} when any was not confirmed (none, some or all may have reached the
     * broker; a retry republishes all, and ids are deterministic, so consumers drop the repeats).
     * It always completes: a confirmation that does not come within the publisher's time-out
     * fails it. Stages may complete on a client thread, so what follows them must not block.
     */
    CompletableFuture<Void> send(List<Event> events);

    /**
     * Publishes the events durably and returns only when the broker has confirmed every one.
     *
     * @throws PublishException as {@link #send} would complete
     */
    default void publish(List<Event> events) throws PublishException {
        Confirms.await(send(events));
    }

    /** Connects now, if not connected, to report early whether the broker is reachable. */
    void connect() throws PublishException;

    /** Whether the last attempt left a healthy connection. */
    boolean connected();

    @Override
    void close();
}
