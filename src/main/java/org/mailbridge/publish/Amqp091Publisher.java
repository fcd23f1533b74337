package org.mailbridge.publish;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

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
 * publisher confirms. RabbitMQ before 4.x does not turn AMQP 1.0 application properties into
 * 0-9-1 headers, so fedora-messaging consumers need this transport to filter on headers.
 */
public final class Amqp091Publisher implements Publisher {
    private static final Logger LOG = LoggerFactory.getLogger(Amqp091Publisher.class);
    private static final String EXCHANGE = "amq.topic";

    private final Domain domain;
    private final Duration timeout;
    private Connection connection;
    private Channel channel;

    public Amqp091Publisher(Domain domain, Duration timeout) {
        this.domain = domain;
        this.timeout = timeout;
    }

    @Override
    public synchronized void connect() throws PublishException {
        if (channel != null && channel.isOpen() && connection.isOpen()) {
            return;
        }
        reset();
        try {
            connection = Amqp091Connections.connect(domain, timeout, "mailbridge");
            channel = connection.createChannel();
            channel.confirmSelect();
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
    public synchronized void publish(List<Event> events) throws PublishException {
        connect();
        try {
            for (Event e : events) {
                channel.basicPublish(EXCHANGE, e.topic(), false, properties(e), e.payload());
            }
            channel.waitForConfirmsOrDie(timeout.toMillis());
        } catch (TimeoutException e) {
            reset();
            throw new PublishException(PublishException.Scope.CONNECTION, domain.name(),
                    "no confirmation within " + timeout.toSeconds() + "s", e);
        } catch (IOException | RuntimeException e) {
            // Only the broker's own verdict counts as a refusal: a nack, or the broker closing the
            // channel (not the connection) over it. A dropped socket can surface here before the
            // connection knows it is closed, so its state alone cannot tell.
            boolean refused = isRefusal(e) && connection != null && connection.isOpen();
            reset();
            throw new PublishException(refused ? PublishException.Scope.MESSAGE : PublishException.Scope.CONNECTION,
                    domain.name(), "publish failed: " + JmsPublisher.oneLine(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reset();
            throw new PublishException(PublishException.Scope.CONNECTION, domain.name(), "interrupted", e);
        }
    }

    static boolean isRefusal(Exception e) {
        if (e instanceof IOException && "nacks received".equals(e.getMessage())) {
            return true;
        }
        Throwable t = e instanceof com.rabbitmq.client.ShutdownSignalException ? e : e.getCause();
        return t instanceof com.rabbitmq.client.ShutdownSignalException s && !s.isHardError() && !s.isInitiatedByApplication();
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
    }

    @Override
    public synchronized void close() {
        reset();
    }
}
