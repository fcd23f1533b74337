package org.mailbridge.consume;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.LongString;

import org.mailbridge.config.Domain;
import org.mailbridge.event.Event;
import org.mailbridge.event.EventJson;
import org.mailbridge.publish.Amqp091Connections;

/**
 * Subscribes over AMQP 0-9-1 with RabbitMQ's Java client, as fedora-messaging consumers do: a
 * queue bound to {@code amq.topic} once per pattern, in the URL's vhost. Without a name the
 * queue is server-named, exclusive and auto-delete, so it goes with the connection whatever
 * happens to the process; a named queue is durable and stays, with what arrives while no one
 * reads it. Messages are acknowledged after the sink took them.
 */
final class Amqp091Subscriber implements Subscriber {
    private static final String EXCHANGE = "amq.topic";

    private final Connection connection;
    private volatile boolean closing;

    private Amqp091Subscriber(Connection connection) {
        this.connection = connection;
    }

    static Amqp091Subscriber open(Domain domain, List<String> patterns, Optional<String> queue, Duration timeout,
                                  Sink sink) throws IOException {
        Connection c = Amqp091Connections.connect(domain, timeout, "mailbridge consume");
        Amqp091Subscriber s = new Amqp091Subscriber(c);
        try {
            c.addShutdownListener(cause -> {
                if (!s.closing && !cause.isInitiatedByApplication()) {
                    sink.lost(cause);
                }
            });
            Channel ch = c.createChannel();
            ch.basicQos(100);
            String name = queue.isPresent() ? ch.queueDeclare(queue.get(), true, false, false, null).getQueue()
                    : ch.queueDeclare().getQueue();
            for (String p : patterns) {
                ch.queueBind(name, EXCHANGE, p);
            }
            ch.basicConsume(name, false, new DefaultConsumer(ch) {
                @Override
                public void handleDelivery(String tag, Envelope env, AMQP.BasicProperties props, byte[] body)
                        throws IOException {
                    sink.accept(toEvent(env, props, body));
                    getChannel().basicAck(env.getDeliveryTag(), false);
                }
            });
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw new IOException("cannot subscribe on " + domain.url() + ": " + e.getMessage(), e);
        }
    }

    static Event toEvent(Envelope env, AMQP.BasicProperties props, byte[] body) throws IOException {
        Map<String, Object> headers = new LinkedHashMap<>();
        if (props.getHeaders() != null) {
            props.getHeaders().forEach((k, v) -> headers.put(k, plain(v)));
        }
        String id = props.getMessageId() == null ? "" : props.getMessageId();
        return new Event(id, env.getRoutingKey(), headers, body.length == 0 ? Map.of() : EventJson.parseBody(body));
    }

    /** The client gives strings as {@link LongString}; an event's headers hold plain values. */
    private static Object plain(Object v) {
        return v instanceof LongString ls ? ls.toString() : v;
    }

    @Override
    public void close() {
        closing = true;
        try {
            connection.close((int) Duration.ofSeconds(5).toMillis());
        } catch (IOException | RuntimeException e) {
            connection.abort(1000);
        }
    }
}
