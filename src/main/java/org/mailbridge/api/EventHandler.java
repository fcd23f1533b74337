package org.mailbridge.api;

import org.mailbridge.event.Event;

/**
 * Receives the events of a {@link Bus#subscribe subscription}. Methods are called one at a time,
 * from the client library's thread; a message is acknowledged after {@link #onEvent} returns, so
 * keep it short and hand long work to a thread of your own.
 */
@FunctionalInterface
public interface EventHandler {
    /** An event whose body satisfies its topic's schema and whose header names that schema. */
    void onEvent(Event event);

    /**
     * An event that fails its schema (or whose topic has none). The default drops it: a consumer
     * must not act on a body it cannot trust.
     *
     * @param problem why, in one line
     */
    default void onInvalid(Event event, String problem) {
    }

    /**
     * The connection died: no more events arrive on this subscription. The default does nothing;
     * a service decides whether to stop or {@link Bus#subscribe subscribe} again.
     */
    default void onConnectionLost(Exception cause) {
    }
}
