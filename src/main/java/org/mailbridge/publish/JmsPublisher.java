package org.mailbridge.publish;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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
 * Sends use JMS 2.0 completion listeners (never {@code jms.forceAsyncSend}, which does not wait
 * for the broker's outcome at all): {@link #send} returns at once and its stage completes when
 * the broker has settled every event as accepted, so many mails can be in flight on one
 * connection, in the order they were sent.
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
    private final PendingConfirms pending;
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
        this.pending = new PendingConfirms(domain.name(), timeout, this::expired);
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
                // What was in flight on it will not be confirmed now: fail it at once rather than
                // at the confirmation time-out, so the mail goes back for a retry (or, stopping,
                // the daemon need not wait for it).
                pending.failAll(new PublishException(PublishException.Scope.CONNECTION, domain.name(),
                        "connection lost before the broker confirmed: " + oneLine(e), e));
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
    public synchronized CompletableFuture<Void> send(List<Event> events) {
        try {
            connect();
        } catch (PublishException e) {
            return Confirms.failed(e);
        }
        Connection sentOn = connection;
        ConfirmCount count = new ConfirmCount(events.size());
        CompletionListener listener = new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                count.confirmed();
            }

            @Override
            public void onException(Message message, Exception exception) {
                // Judged by what the failure is, not by whether the exception listener has spoken
                // yet: a connection loss can fail a send before (or, with failover, instead of)
                // telling it.
                boolean refused = SendFailures.isRefusal(exception, failed || connection != sentOn);
                count.failed(new PublishException(refused ? PublishException.Scope.MESSAGE
                        : PublishException.Scope.CONNECTION, domain.name(),
                        (refused ? "broker refused: " : "send failed: ") + oneLine(exception), exception));
                if (!refused) {
                    failed = true;
                }
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
        } catch (MessageFormatException e) {
            // A header value the JMS client will not carry: this message's fault, not the link's.
            count.failed(new PublishException(PublishException.Scope.MESSAGE, domain.name(),
                    "cannot build the message: " + oneLine(e), e));
            return count.future();
        } catch (JMSException | RuntimeException e) {
            // The body is already bytes (Event.payload): what fails here is the connection.
            reset();
            count.failed(new PublishException(PublishException.Scope.CONNECTION, domain.name(),
                    "send failed: " + oneLine(e), e));
            return count.future();
        }
        pending.add(count, sentOn);
        return count.future();
    }

    /** A send on {@code c} was not confirmed in time: the connection is not to be trusted any more. */
    private synchronized void expired(Object c) {
        if (c == connection) {
            LOG.warn("msg=\"broker confirmation timed out\" domain={} timeout_s={}", domain.name(), timeout.toSeconds());
            reset();
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
        reset(false);
    }

    /**
     * Drops the connection. A connection that failed is closed on a thread of its own: closing
     * one whose failover transport is still reconnecting waits for each producer's and session's
     * detach in turn (up to the request time-out each), and the sender must not wait for that.
     * What it still had unconfirmed is failed here, so no confirmation can arrive for it later.
     */
    private void reset(boolean wait) {
        Connection old = connection;
        List<MessageProducer> oldProducers = List.copyOf(producers.values());
        producers.clear();
        connection = null;
        session = null;
        pending.failAll(new PublishException(PublishException.Scope.CONNECTION, domain.name(),
                "connection dropped before the broker confirmed", null));
        if (old == null) {
            return;
        }
        Runnable close = () -> {
            oldProducers.forEach(JmsPublisher::closeQuietly);
            try {
                old.close();
            } catch (JMSException | RuntimeException e) {
                LOG.debug("msg=\"close failed\" err=\"{}\"", oneLine(e));
            }
        };
        if (wait) {
            close.run();
        } else {
            Thread t = new Thread(close, "mailbridge-close-" + domain.name());
            t.setDaemon(true);
            t.start();
        }
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
        reset(true);
        pending.close();
    }
}
