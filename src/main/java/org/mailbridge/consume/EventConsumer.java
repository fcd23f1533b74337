package org.mailbridge.consume;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import org.apache.qpid.jms.JmsConnectionFactory;
import org.mailbridge.config.BrokerKind;
import org.mailbridge.config.Domain;
import org.mailbridge.event.Event;
import org.mailbridge.event.EventJson;
import org.mailbridge.publish.AddressTemplate;
import org.mailbridge.publish.JmsConnections;

/**
 * Subscribes to topic patterns over AMQP 1.0 and turns each message back into an {@link Event}:
 * the tail that {@code mailbridge consume} prints, and the consumer of the end-to-end tests.
 */
public final class EventConsumer implements AutoCloseable {
    private final Connection connection;
    private final BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
    private final List<MessageConsumer> consumers = new ArrayList<>();

    private EventConsumer(Connection connection) {
        this.connection = connection;
    }

    /**
     * Connects and subscribes. The subscriptions exist when this returns, so events published
     * afterwards are received.
     *
     * @param domain the broker: URL, kind (for the address scheme), credentials
     * @param patterns binding patterns such as {@code org.fedoraproject.#}
     */
    public static EventConsumer open(Domain domain, List<String> patterns, Duration timeout) throws JMSException {
        JmsConnectionFactory f = JmsConnections.factory(domain, timeout);
        if (domain.broker() == BrokerKind.RABBITMQ) {
            // RabbitMQ's AMQP 1.0 plugin does not support the filter Qpid JMS adds otherwise.
            f.setReceiveLocalOnly(true);
        }
        Connection c = f.createConnection();
        EventConsumer ec = new EventConsumer(c);
        try {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            for (String p : patterns) {
                Topic t = s.createTopic(AddressTemplate.expand(domain.broker().subscribeAddress(), p));
                MessageConsumer mc = s.createConsumer(t);
                mc.setMessageListener(ec.inbox::add);
                ec.consumers.add(mc);
            }
            c.start();
            return ec;
        } catch (JMSException | RuntimeException e) {
            ec.close();
            throw e;
        }
    }

    /** The next event, waiting up to {@code wait}; empty when none came. */
    public Optional<Event> next(Duration wait) throws JMSException, IOException, InterruptedException {
        Message m = inbox.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        return m == null ? Optional.empty() : Optional.of(toEvent(m));
    }

    static Event toEvent(Message m) throws JMSException, IOException {
        byte[] payload;
        if (m instanceof BytesMessage b) {
            payload = new byte[(int) b.getBodyLength()];
            b.readBytes(payload);
        } else if (m instanceof TextMessage t) {
            payload = t.getText() == null ? new byte[0] : t.getText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } else {
            payload = "{}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        Map<String, Object> headers = new LinkedHashMap<>();
        for (String name : Collections.list(names(m))) {
            if (!name.startsWith("JMS")) {
                headers.put(name, m.getObjectProperty(name));
            }
        }
        String topic = m.getJMSType();
        if (topic == null && m.getJMSDestination() instanceof Topic t) {
            topic = t.getTopicName().substring(t.getTopicName().lastIndexOf('/') + 1);
        }
        return new Event(messageId(m.getJMSMessageID()), topic == null ? "" : topic, headers,
                payload.length == 0 ? Map.of() : EventJson.parseBody(payload));
    }

    @SuppressWarnings("unchecked")
    private static Enumeration<String> names(Message m) throws JMSException {
        return (Enumeration<String>) m.getPropertyNames();
    }

    /** Qpid JMS shows a plain string message-id as {@code ID:AMQP_NO_PREFIX:<id>}; the event id is the plain string. */
    static String messageId(String jmsId) {
        if (jmsId == null) {
            return "";
        }
        for (String prefix : List.of("ID:AMQP_NO_PREFIX:", "ID:AMQP_STRING:", "ID:AMQP_UUID:", "ID:")) {
            if (jmsId.startsWith(prefix)) {
                return jmsId.substring(prefix.length());
            }
        }
        return jmsId;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (JMSException e) {
            // closing
        }
    }
}
