package org.mailbridge.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import org.apache.qpid.jms.JmsConnectionFactory;
import org.apache.qpid.jms.message.JmsMessage;
import org.apache.qpid.jms.provider.amqp.message.AmqpJmsMessageFacade;
import org.apache.qpid.proton.amqp.Symbol;
import org.mailbridge.config.Domain;
import org.mailbridge.event.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes over AMQP 1.0 with Apache Qpid JMS. Each event is a durable BytesMessage whose single
 * data section is the UTF-8 JSON body, content-type {@code application/json}, message-id the
 * event id, headers as application properties, sent to the domain's address for the topic.
 * Sends use JMS 2.0 completion listeners, so all events of a mail are in flight at once, and
 * {@link #publish} returns only after the broker settled every one as accepted.
 */
public final class JmsPublisher implements Publisher {
    private static final Logger LOG = LoggerFactory.getLogger(JmsPublisher.class);
    private static final Symbol JSON = Symbol.valueOf("application/json");
    private static final int PRODUCER_CACHE = 256;

    private final Domain domain;
    private final Duration timeout;
    private Connection connection;
    private Session session;
    private volatile boolean failed;
    private final Map<String, MessageProducer> producers = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, MessageProducer> eldest) {
            if (size() > PRODUCER_CACHE) {
                closeQuietly(eldest.getValue());
                return true;
            }
            return false;
        }
    };

    public JmsPublisher(Domain domain, Duration timeout) {
        this.domain = domain;
        this.timeout = timeout;
    }

    @Override
    public synchronized void connect() throws PublishException {
        if (connection != null && !failed) {
            return;
        }
        reset();
        try {
            JmsConnectionFactory f = JmsConnections.factory(domain, timeout);
            f.setMessageIDPolicy(new PresetMessageIdPolicy());
            Connection c = f.createConnection();
            c.setExceptionListener(e -> {
                if (connection != c) {
                    return; // a late report from a connection already replaced
                }
                failed = true;
                LOG.warn("msg=\"broker connection lost\" domain={} err=\"{}\"", domain.name(), oneLine(e));
            });
            c.start();
            connection = c;
            session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            failed = false;
            LOG.info("msg=\"broker connected\" domain={} url=\"{}\"", domain.name(), domain.url());
        } catch (JMSException | RuntimeException e) {
            reset();
            throw new PublishException(PublishException.Scope.CONNECTION, domain.name(),
                    "cannot connect to " + domain.url() + ": " + oneLine(e), e);
        }
    }

    @Override
    public boolean connected() {
        return connection != null && !failed;
    }

    @Override
    public synchronized void publish(List<Event> events) throws PublishException {
        connect();
        CountDownLatch done = new CountDownLatch(events.size());
        List<Exception> errors = Collections.synchronizedList(new ArrayList<>());
        CompletionListener listener = new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                done.countDown();
            }

            @Override
            public void onException(Message message, Exception exception) {
                errors.add(exception);
                done.countDown();
            }
        };
        try {
            for (Event e : events) {
                MessageProducer p = producer(AddressTemplate.expand(domain.address(), e.topic()));
                BytesMessage m = toMessage(e);
                PresetMessageIdPolicy.next(e.id());
                try {
                    p.send(m, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, Message.DEFAULT_TIME_TO_LIVE, listener);
                } finally {
                    PresetMessageIdPolicy.clear();
                }
            }
            if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                reset();
                throw new PublishException(PublishException.Scope.CONNECTION, domain.name(),
                        "no confirmation from the broker within " + timeout.toSeconds() + "s", null);
            }
        } catch (MessageFormatException e) {
            // A header value the JMS client will not carry: this message's fault, not the link's.
            throw new PublishException(PublishException.Scope.MESSAGE, domain.name(),
                    "cannot build the message: " + oneLine(e), e);
        } catch (JMSException | RuntimeException e) {
            // The body is already bytes (Event.payload): what fails here is the connection.
            reset();
            throw new PublishException(PublishException.Scope.CONNECTION, domain.name(),
                    "send failed: " + oneLine(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reset();
            throw new PublishException(PublishException.Scope.CONNECTION, domain.name(), "interrupted", e);
        }
        if (!errors.isEmpty()) {
            Exception first = errors.get(0);
            // Judged by what the failure is, not by whether the exception listener has spoken yet:
            // a connection loss can fail a send before (or, with failover, instead of) telling it.
            PublishException.Scope scope = SendFailures.isRefusal(first, failed)
                    ? PublishException.Scope.MESSAGE : PublishException.Scope.CONNECTION;
            if (scope == PublishException.Scope.CONNECTION) {
                reset();
            }
            throw new PublishException(scope, domain.name(), (scope == PublishException.Scope.MESSAGE
                    ? "broker refused: " : "send failed: ") + oneLine(first), first);
        }
    }

    private BytesMessage toMessage(Event e) throws JMSException {
        BytesMessage m = session.createBytesMessage();
        m.writeBytes(e.payload());
        for (Map.Entry<String, Object> h : e.headers().entrySet()) {
            m.setObjectProperty(h.getKey(), h.getValue());
        }
        // The AMQP subject carries the topic too, so consumers of any address scheme can read it.
        m.setJMSType(e.topic());
        if (m instanceof JmsMessage jm && jm.getFacade() instanceof AmqpJmsMessageFacade facade) {
            facade.setContentType(JSON);
        }
        return m;
    }

    private MessageProducer producer(String address) throws JMSException {
        MessageProducer p = producers.get(address);
        if (p == null) {
            p = session.createProducer(session.createTopic(address));
            producers.put(address, p);
        }
        return p;
    }

    private void reset() {
        producers.values().forEach(JmsPublisher::closeQuietly);
        producers.clear();
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException | RuntimeException e) {
                LOG.debug("msg=\"close failed\" err=\"{}\"", oneLine(e));
            }
        }
        connection = null;
        session = null;
    }

    private static void closeQuietly(MessageProducer p) {
        try {
            p.close();
        } catch (JMSException | RuntimeException e) {
            // the connection is going away anyway
        }
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace('"', '\'').replace('\n', ' ');
    }

    @Override
    public synchronized void close() {
        reset();
    }
}
