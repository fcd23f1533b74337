package org.mailbridge.publish;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.rabbitmq.client.AMQP;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the operator about topics no queue is bound to, from RabbitMQ's {@code basic.return}s:
 * such events reach no consumer (an archiver's queue that went away shows here first). A return
 * is not a refusal: the broker confirms the message all the same, and a topic nobody subscribes
 * to is normal on a bus. So it is logged, once an hour per topic, and counted.
 */
final class UnroutableTopics {
    private static final Logger LOG = LoggerFactory.getLogger(UnroutableTopics.class);
    private static final long QUIET_NANOS = 3_600_000_000_000L;

    private final String domain;
    private final Map<String, Long> lastLogged = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong returned = new java.util.concurrent.atomic.AtomicLong();

    UnroutableTopics(String domain) {
        this.domain = domain;
    }

    void returned(int replyCode, String replyText, String exchange, String routingKey, AMQP.BasicProperties props,
                  byte[] body) {
        long n = returned.incrementAndGet();
        long now = System.nanoTime();
        Long last = lastLogged.get(routingKey);
        if (last == null || now - last >= QUIET_NANOS) {
            lastLogged.put(routingKey, now);
            LOG.warn("msg=\"no queue is bound for this topic: its events reach no consumer\" domain={} topic={} "
                    + "reply=\"{} {}\" returned_total={}", domain, routingKey, replyCode, replyText, n);
        }
    }

}
