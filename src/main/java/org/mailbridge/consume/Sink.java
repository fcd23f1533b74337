package org.mailbridge.consume;

import org.mailbridge.event.Event;

/** Where a {@link Subscriber} hands what it receives. Called from the client library's thread. */
public interface Sink {
    /**
     * One message, decoded back into an event; acknowledged to the broker after this returns.
     *
     * @throws RuntimeException to leave the message unacknowledged (AMQP 0-9-1 requeues it)
     */
    void accept(Event event);

    /** The connection died (not closed by us): nothing more arrives on this subscriber. */
    void lost(Exception cause);
}
