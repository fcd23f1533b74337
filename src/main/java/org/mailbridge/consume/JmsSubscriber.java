package org.mailbridge.consume;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * Subscribes over AMQP 1.0 with Qpid JMS: one non-durable topic consumer per pattern on the
 * domain's subscribe address; on RabbitMQ one consumer of a {@link RabbitTempQueue}.
 */
final class JmsSubscriber implements Subscriber {
    private final Connection connection;
    private final List<MessageConsumer> consumers = new ArrayList<>();
    private volatile boolean closing;

    private JmsSubscriber(Connection connection) {
        this.connection = connection;
    }

    static JmsSubscriber open(Domain domain, List<String> patterns, Duration timeout, Sink sink) throws IOException {
        JmsConnectionFactory f = JmsConnections.factory(domain, timeout);
        if (domain.broker() == BrokerKind.RABBITMQ) {
            // RabbitMQ's AMQP 1.0 plugin does not support the no-local filter Qpid JMS adds otherwise.
            f.setReceiveLocalOnly(true);
        }
        JmsSubscriber s;
        try {
            s = new JmsSubscriber(f.createConnection());
        } catch (JMSException | RuntimeException e) {
            throw new IOException("cannot connect to " + domain.url() + ": " + e.getMessage(), e);
        }
        try {
            s.connection.setExceptionListener(e -> {
                if (!s.closing) {
                    sink.lost(e);
                }
            });
            Session session = s.connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            List<String> sources = new ArrayList<>();
            if (domain.broker() == BrokerKind.RABBITMQ && RabbitTempQueue.applies(domain)) {
                sources.add(RabbitTempQueue.declare(domain, patterns, timeout));
            } else {
                patterns.forEach(p -> sources.add(AddressTemplate.expand(domain.broker().subscribeAddress(), p)));
            }
            for (String source : sources) {
                MessageConsumer mc = session.createConsumer(session.createTopic(source));
                mc.setMessageListener(m -> {
                    try {
                        sink.accept(toEvent(m));
                    } catch (JMSException | IOException e) {
                        throw new IllegalStateException("undecodable message: " + e.getMessage(), e);
                    }
                });
                s.consumers.add(mc);
            }
            s.connection.start();
            return s;
        } catch (JMSException | IOException | RuntimeException e) {
            s.close();
            throw new IOException("cannot subscribe on " + domain.url() + ": " + e.getMessage(), e);
        }
    }

    static Event toEvent(Message m) throws JMSException, IOException {
        byte[] payload;
        if (m instanceof BytesMessage b) {
            payload = new byte[(int) b.getBodyLength()];
            b.readBytes(payload);
        } else if (m instanceof TextMessage t) {
            payload = t.getText() == null ? new byte[0] : t.getText().getBytes(StandardCharsets.UTF_8);
        } else {
            payload = new byte[0];
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
        closing = true;
        for (MessageConsumer mc : consumers) {
            try {
                mc.close();
            } catch (JMSException | RuntimeException e) {
                // the connection is going away anyway
            }
        }
        try {
            connection.close();
        } catch (JMSException | RuntimeException e) {
            // closing
        }
    }
}
