package org.mailbridge.api;

/**
 * A live subscription. Closing it unbinds and deletes its queue on the broker, unless it reads
 * a named durable queue ({@link BusBuilder#queue}), which stays to collect events meanwhile.
 */
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
