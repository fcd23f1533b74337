package org.mailbridge.consume;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import org.mailbridge.config.Domain;
import org.mailbridge.publish.Amqp091Connections;

/**
 * A queue for an AMQP 1.0 consumer on RabbitMQ that goes away by itself. RabbitMQ 3.x's AMQP 1.0
 * plugin makes a queue for each {@code /topic/…} or {@code /exchange/…} source and never deletes
 * it, so every {@code consume} would leave one behind. Instead the queue is declared (and bound)
 * over AMQP 0-9-1 on the same port, auto-delete, with an expiry for a consumer that dies before
 * attaching, and the AMQP 1.0 link reads it as {@code /amq/queue/<name>}; the broker deletes it
 * when that link goes, however the process ends.
 */
final class RabbitTempQueue {
    private static final String EXCHANGE = "amq.topic";
    /** How long an unused queue lives: only matters when the consumer never attached. */
    private static final int EXPIRES_MS = 60_000;

    private RabbitTempQueue() {
    }

    /** Whether the domain's URL can be spoken to in AMQP 0-9-1 too (one broker, no failover list). */
    static boolean applies(Domain domain) {
        return !domain.url().startsWith("failover:");
    }

    /** Declares and binds the queue; returns the AMQP 1.0 source address that reads it. */
    static String declare(Domain domain, List<String> patterns, Duration timeout) throws IOException {
        String name = "mailbridge.consume." + UUID.randomUUID();
        String url = domain.url();
        int q = url.indexOf('?');
        // The query holds Qpid JMS options, which the 0-9-1 client does not know.
        try (Connection c = Amqp091Connections.connect(domain.withUrl(q < 0 ? url : url.substring(0, q)), timeout,
                "mailbridge consume (queue setup)")) {
            Channel ch = c.createChannel();
            ch.queueDeclare(name, false, false, true, Map.of("x-expires", EXPIRES_MS));
            for (String p : patterns) {
                ch.queueBind(name, EXCHANGE, p);
            }
        }
        return "/amq/queue/" + name;
    }
}
