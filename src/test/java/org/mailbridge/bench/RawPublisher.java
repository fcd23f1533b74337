package org.mailbridge.bench;

import java.util.UUID;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.ConnectionFactory;

import org.apache.qpid.jms.JmsConnectionFactory;

/**
 * The baseline: pre-built persistent messages of one size sent as fast as one connection takes
 * them, with a bounded window of unconfirmed sends. AMQP 1.0 through Qpid JMS 2.0 async sends
 * ({@link CompletionListener}; never {@code jms.forceAsyncSend}, which loses messages), AMQP
 * 0-9-1 through publisher confirms tracked by sequence number.
 */
final class RawPublisher {
    private static final long WAIT_SECONDS = 120;

    private RawPublisher() {
    }

    /** Sends {@code n} messages of {@code size} bytes to {@code topic}; returns messages per second. */
    static double run(Target t, String topic, int n, int size, int window) throws Exception {
        byte[] body = new byte[size];
        for (int i = 0; i < size; i++) {
            body[i] = (byte) ('a' + i % 26);
        }
        return t.kind() == Target.Kind.RABBITMQ_091 ? rabbit(t, topic, n, body, window) : jms(t, topic, n, body, window);
    }

    private static double jms(Target t, String topic, int n, byte[] body, int window) throws Exception {
        String user = t.rabbit() ? "&jms.username=guest&jms.password=guest" : "";
        JmsConnectionFactory f = new JmsConnectionFactory(t.url() + "?jms.requestTimeout=30000" + user);
        Semaphore free = new Semaphore(window);
        AtomicReference<Exception> failure = new AtomicReference<>();
        CompletionListener done = new CompletionListener() {
            @Override
            public void onCompletion(Message m) {
                free.release();
            }

            @Override
            public void onException(Message m, Exception e) {
                failure.compareAndSet(null, e);
                free.release();
            }
        };
        try (Connection c = f.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(t.address(topic)));
            p.setDeliveryMode(DeliveryMode.PERSISTENT);
            BytesMessage[] prebuilt = new BytesMessage[n];
            for (int i = 0; i < n; i++) {
                prebuilt[i] = s.createBytesMessage();
                prebuilt[i].writeBytes(body);
                prebuilt[i].setJMSMessageID("ID:" + UUID.randomUUID());
            }
            long start = System.nanoTime();
            for (BytesMessage m : prebuilt) {
                free.acquire();
                p.send(m, done);
            }
            if (!free.tryAcquire(window, WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("confirms missing after " + WAIT_SECONDS + " s");
            }
            double secs = (System.nanoTime() - start) / 1e9;
            if (failure.get() != null) {
                throw failure.get();
            }
            return n / secs;
        }
    }

    private static double rabbit(Target t, String topic, int n, byte[] body, int window) throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost(t.host());
        f.setPort(t.port());
        Semaphore free = new Semaphore(window);
        ConcurrentNavigableMap<Long, Boolean> outstanding = new ConcurrentSkipListMap<>();
        AtomicReference<String> nacked = new AtomicReference<>();
        try (com.rabbitmq.client.Connection c = f.newConnection("mailbridge-bench-raw")) {
            Channel ch = c.createChannel();
            ch.confirmSelect();
            ch.addConfirmListener(new ConfirmListener() {
                @Override
                public void handleAck(long tag, boolean multiple) {
                    settle(tag, multiple);
                }

                @Override
                public void handleNack(long tag, boolean multiple) {
                    nacked.compareAndSet(null, "nack " + tag);
                    settle(tag, multiple);
                }

                private void settle(long tag, boolean multiple) {
                    var done = multiple ? outstanding.headMap(tag, true) : outstanding.subMap(tag, true, tag, true);
                    int k = done.size();
                    done.clear();
                    free.release(k);
                }
            });
            AMQP.BasicProperties[] props = new AMQP.BasicProperties[n];
            for (int i = 0; i < n; i++) {
                props[i] = new AMQP.BasicProperties.Builder().deliveryMode(2).contentType("application/json")
                        .messageId(UUID.randomUUID().toString()).build();
            }
            long start = System.nanoTime();
            for (AMQP.BasicProperties p : props) {
                free.acquire();
                outstanding.put(ch.getNextPublishSeqNo(), Boolean.TRUE);
                ch.basicPublish("amq.topic", topic, true, p, body);
            }
            if (!free.tryAcquire(window, WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("confirms missing after " + WAIT_SECONDS + " s");
            }
            double secs = (System.nanoTime() - start) / 1e9;
            if (nacked.get() != null) {
                throw new IllegalStateException(nacked.get());
            }
            return n / secs;
        }
    }
}
