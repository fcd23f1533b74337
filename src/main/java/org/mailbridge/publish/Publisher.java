package org.mailbridge.publish;

import java.util.List;

import org.mailbridge.event.Event;

/**
 * Publishes events to one broker (one security domain). Implementations connect lazily,
 * reconnect after failures, and are used by one thread at a time.
 */
public interface Publisher extends AutoCloseable {
    /**
     * Publishes the events durably and returns only when the broker has confirmed every one.
     *
     * @throws PublishException when any event was not confirmed; none, some or all may have
     *     reached the broker, and a retry republishes all (ids are deterministic, so consumers
     *     can drop the repeats)
     */
    void publish(List<Event> events) throws PublishException;

    /** Connects now, if not connected, to report early whether the broker is reachable. */
    void connect() throws PublishException;

    /** Whether the last attempt left a healthy connection. */
    boolean connected();

    @Override
    void close();
}
