package org.mailbridge.bench;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Session;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;

import org.apache.qpid.jms.JmsConnectionFactory;

/**
 * A consumer that counts what reaches the broker's queue: distinct message ids (so lost and
 * duplicated messages show), bytes, and the arrival time of each source Message-ID (for latency).
 * Broker-J through Qpid JMS; RabbitMQ through a 0-9-1 server-named exclusive queue, whichever
 * protocol published (both land on {@code amq.topic}).
 */
final class Arrivals implements AutoCloseable {
    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
    private final AutoCloseable connection;

    private Arrivals(Target t, String pattern) throws Exception {
        connection = t.rabbit() ? rabbit(t, pattern) : qpid(t, pattern);
    }

    /** Subscribes to {@code pattern} (an amq.topic binding such as {@code org.fedoraproject.x.#}). */
    static Arrivals open(Target t, String pattern) throws Exception {
        return new Arrivals(t, pattern);
    }

    private AutoCloseable qpid(Target t, String pattern) throws JMSException {
        JmsConnectionFactory f = new JmsConnectionFactory(t.url() + "?jms.requestTimeout=10000");
        Connection c = f.createConnection();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        s.createConsumer(s.createTopic("amq.topic/" + pattern)).setMessageListener(m -> {
            try {
                long len = m instanceof BytesMessage b ? b.getBodyLength() : 0;
                count(m.getJMSMessageID(), m.getStringProperty("mailbridge_source_message_id"), len);
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        c.start();
        return c;
    }

    private AutoCloseable rabbit(Target t, String pattern) throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost(t.host());
        f.setPort(t.port());
        com.rabbitmq.client.Connection c = f.newConnection("mailbridge-bench-counter");
        Channel ch = c.createChannel();
        String q = ch.queueDeclare("", false, true, true, null).getQueue();
        ch.queueBind(q, "amq.topic", pattern);
        ch.basicConsume(q, true, new DefaultConsumer(ch) {
            @Override
            public void handleDelivery(String tag, Envelope env, AMQP.BasicProperties p, byte[] body) {
                Object src = p.getHeaders() == null ? null : p.getHeaders().get("mailbridge_source_message_id");
                count(p.getMessageId(), src == null ? null : src.toString(), body.length);
            }
        });
        return c;
    }

    private void count(String id, String sourceMid, long len) {
        long now = System.nanoTime();
        received.incrementAndGet();
        bytes.addAndGet(len);
        if (id != null) {
            ids.add(id.startsWith("ID:") ? id.substring(3) : id);
        }
        if (sourceMid != null) {
            arrivedAt.putIfAbsent(sourceMid, now);
        }
    }

    long received() {
        return received.get();
    }

    long distinct() {
        return ids.size();
    }

    /** Mean body size of what arrived, in bytes. */
    long meanSize() {
        long n = received.get();
        return n == 0 ? 0 : bytes.get() / n;
    }

    /** When the first event of the mail with that Message-ID arrived ({@link System#nanoTime}), or null. */
    Long arrivedAt(String sourceMid) {
        return arrivedAt.get(sourceMid);
    }

    /** Waits until {@code n} messages arrived or the time is up; returns whether they did. */
    boolean await(long n, long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (received.get() < n && System.currentTimeMillis() < end) {
            Thread.sleep(2);
        }
        return received.get() >= n;
    }

    @Override
    public void close() throws Exception {
        try {
            connection.close();
        } catch (IOException | JMSException e) {
            // the counts are taken; a failed close only leaves a queue RabbitMQ deletes with the connection
        }
    }
}
