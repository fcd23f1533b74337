package org.mailbridge.consume;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.mailbridge.config.Domain;
import org.mailbridge.config.Protocol;

/**
 * A live subscription of topic patterns on one broker, of either protocol. The bindings exist
 * when {@link #open} returns, so events published afterwards arrive. Closing it removes what it
 * made on the broker, except a named durable queue, which is there to outlive its consumer.
 */
public interface Subscriber extends AutoCloseable {
    /**
     * Connects and subscribes.
     *
     * @param domain the broker: URL (with the vhost, on RabbitMQ), protocol, credentials and TLS
     * @param patterns binding patterns such as {@code org.fedoraproject.#}
     * @param queue a named durable queue to bind and read (AMQP 0-9-1 only); empty for a
     *     server-named exclusive auto-delete one
     * @param timeout connect and request timeout
     * @param sink receives the events and the loss of the connection
     * @throws IOException when the broker cannot be reached or refuses the subscription
     */
    static Subscriber open(Domain domain, List<String> patterns, Optional<String> queue, Duration timeout, Sink sink)
            throws IOException {
        if (domain.protocol() == Protocol.AMQP_0_9_1) {
            return Amqp091Subscriber.open(domain, patterns, queue, timeout, sink);
        }
        if (queue.isPresent()) {
            throw new IOException("a named queue (--queue) needs an amqp-0-9-1 domain");
        }
        return JmsSubscriber.open(domain, patterns, timeout, sink);
    }

    @Override
    void close();
}
