package org.mailbridge.publish;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import org.mailbridge.config.Domain;
import org.mailbridge.event.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes over AMQP 0-9-1 with RabbitMQ's Java client, exactly as fedora-messaging does:
 * exchange {@code amq.topic}, routing key = topic, {@code application/json} UTF-8 body,
 * {@code delivery_mode=2}, message_id = event id, the headers as real 0-9-1 headers, and
 * publisher confirms, tracked by delivery tag ({@link ConfirmTracker}) so that many mails are in
 * flight at once. Messages are published {@code mandatory}: one that no queue takes comes back
 * as {@code basic.return}, which is logged per topic ({@link UnroutableTopics}) and not retried,
 * as on any pub/sub bus a topic nobody subscribes to is normal (the broker still confirms it). RabbitMQ before 4.x does not turn AMQP 1.0 application properties into
 * 0-9-1 headers, so fedora-messaging consumers need this transport to filter on headers.
 */
public final class Amqp091Publisher implements Publisher {
    private static final Logger LOG = LoggerFactory.getLogger(Amqp091Publisher.class);
    private static final String EXCHANGE = "amq.topic";

    private final Domain domain;
    private final Duration timeout;
    private Connection connection;
    private Channel channel;
    private ConfirmTracker tracker;
    private final PendingConfirms pending;
    private final UnroutableTopics unroutable;

    public Amqp091Publisher(Domain domain, Duration timeout) {
        this.domain = domain;
        this.timeout = timeout;
        this.pending = new PendingConfirms(domain.name(), timeout, this::expired);
        this.unroutable = new UnroutableTopics(domain.name());
    }

    @Override
    public synchronized void connect() throws PublishException {
        if (channel != null && channel.isOpen() && connection.isOpen()) {
            return;
        }
        reset();
        try {
            connection = Amqp091Connections.connect(domain, timeout, "mailbridge");
            Channel ch = connection.createChannel();
            ch.confirmSelect();
            ConfirmTracker t = new ConfirmTracker(domain.name());
            ch.addConfirmListener(t);
            ch.addShutdownListener(t::shutdown);
            ch.addReturnListener(unroutable::returned);
            channel = ch;
            tracker = t;
            LOG.info("msg=\"broker connected\" domain={} protocol=amqp-0-9-1", domain.name());
        } catch (Exception e) {
            reset();
            throw new PublishException(PublishException.Scope.CONNECTION, domain.name(),
                    "cannot connect: " + JmsPublisher.oneLine(e), e);
        }
    }

    @Override
    public boolean connected() {
        return connection != null && connection.isOpen() && channel != null && channel.isOpen();
    }

    @Override
    public synchronized CompletableFuture<Void> send(List<Event> events) {
        try {
            connect();
        } catch (PublishException e) {
            return Confirms.failed(e);
        }
        ConfirmCount count = new ConfirmCount(events.size());
        Channel ch = channel;
        try {
            for (Event e : events) {
                // Tracked before it is sent: the ack can come back before basicPublish returns.
                tracker.published(ch.getNextPublishSeqNo(), count);
                ch.basicPublish(EXCHANGE, e.topic(), true, properties(e), e.payload());
            }
        } catch (IOException | RuntimeException e) {
            // Only the broker's own verdict counts as a refusal (a nack, or the broker closing the
            // channel over one message: see ConfirmTracker). A failure here is the socket's.
            reset();
            count.failed(new PublishException(PublishException.Scope.CONNECTION, domain.name(),
                    "publish failed: " + JmsPublisher.oneLine(e), e));
            return count.future();
        }
        pending.add(count, ch);
        return count.future();
    }

    /** A send on {@code ch} was not confirmed in time: drop that connection. */
    private synchronized void expired(Object ch) {
        if (ch == channel) {
            LOG.warn("msg=\"broker confirmation timed out\" domain={} timeout_s={}", domain.name(), timeout.toSeconds());
            reset();
        }
    }

    private static AMQP.BasicProperties properties(Event e) {
        Map<String, Object> headers = new LinkedHashMap<>(e.headers());
        return new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .contentEncoding("utf-8")
                .deliveryMode(2)
                .priority(0)
                .messageId(e.id())
                .headers(headers)
                .build();
    }

    private void reset() {
        try {
            if (connection != null) {
                connection.abort((int) Math.min(timeout.toMillis(), 5000));
            }
        } catch (RuntimeException e) {
            LOG.debug("msg=\"abort failed\" err=\"{}\"", JmsPublisher.oneLine(e));
        }
        connection = null;
        channel = null;
        tracker = null;
        pending.failAll(new PublishException(PublishException.Scope.CONNECTION, domain.name(),
                "connection dropped before the broker confirmed", null));
    }

    @Override
    public synchronized void close() {
        reset();
        pending.close();
    }
}
