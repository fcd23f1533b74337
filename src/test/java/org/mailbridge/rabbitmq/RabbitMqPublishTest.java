package org.mailbridge.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Delivery;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mailbridge.config.BrokerKind;
import org.mailbridge.config.Domain;
import org.mailbridge.config.Protocol;
import org.mailbridge.event.Event;
import org.mailbridge.publish.Amqp091Publisher;
import org.mailbridge.publish.JmsPublisher;
import org.mailbridge.publish.PublishException;

/**
 * Publishing to a real RabbitMQ (127.0.0.1:5672, guest/guest, AMQP 1.0 plugin enabled), read back
 * the way fedora-messaging consumers read: an AMQP 0-9-1 queue bound to {@code amq.topic}.
 * Runs in the {@code rabbitmq} Maven profile, which {@code .ci/run} enables after making sure
 * RabbitMQ is up; it fails, rather than skips, when RabbitMQ is not there.
 */
@Tag("rabbitmq")
class RabbitMqPublishTest {
    static final String URL = "amqp://127.0.0.1:5672";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Connection connection;
    private Channel channel;
    private final BlockingQueue<Delivery> received = new LinkedBlockingQueue<>();
    private String topicRoot;

    @BeforeEach
    void bindAQueue() throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setUri(URL);
        f.setUsername("guest");
        f.setPassword("guest");
        connection = f.newConnection("mailbridge-test");
        channel = connection.createChannel();
        topicRoot = "org.mailbridgetest" + UUID.randomUUID().toString().replace("-", "");
        String q = channel.queueDeclare("", false, true, true, null).getQueue();
        channel.queueBind(q, "amq.topic", topicRoot + ".#");
        channel.basicConsume(q, true, (tag, d) -> received.add(d), tag -> { });
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
    }

    private Event event(String suffix) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("fedora_messaging_schema", "base.message");
        headers.put("fedora_messaging_severity", 20);
        headers.put("sent-at", "2026-11-29T05:26:31+00:00");
        headers.put("priority", 0);
        headers.put("fedora_messaging_user_alice", true);
        return new Event(UUID.randomUUID().toString(), topicRoot + ".prod." + suffix, headers, Map.of("answer", 42));
    }

    private static Domain domain(String url, Protocol protocol, BrokerKind kind, String address) {
        return new Domain("rabbit", url, protocol, kind, address, "guest", "guest", Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), List.of(), true, false);
    }

    @Test
    void amqp091IsWhatFedoraMessagingPublishes() throws Exception {
        Event e = event("test.zero_nine_one");
        try (Amqp091Publisher p = new Amqp091Publisher(domain(URL, Protocol.AMQP_0_9_1, BrokerKind.RABBITMQ,
                BrokerKind.RABBITMQ.publishAddress()), Duration.ofSeconds(10))) {
            p.publish(List.of(e));
        }
        Delivery d = arrived(e);
        assertThat(d.getProperties().getContentType()).isEqualTo("application/json");
        assertThat(d.getProperties().getContentEncoding()).isEqualTo("utf-8");
        assertThat(d.getProperties().getDeliveryMode()).isEqualTo(2);
        Map<String, Object> h = d.getProperties().getHeaders();
        assertThat(String.valueOf(h.get("fedora_messaging_schema"))).isEqualTo("base.message");
        assertThat(String.valueOf(h.get("sent-at"))).isEqualTo("2026-11-29T05:26:31+00:00");
        assertThat(h.get("fedora_messaging_user_alice")).isEqualTo(true);
    }

    @Test
    void amqp10WithTheRabbitMqAddressReachesTheTopicExchange() throws Exception {
        Event e = event("test.one_oh");
        try (JmsPublisher p = new JmsPublisher(domain(URL, Protocol.AMQP_1_0, BrokerKind.RABBITMQ,
                BrokerKind.RABBITMQ.publishAddress()), Duration.ofSeconds(10))) {
            p.publish(List.of(e));
        }
        arrived(e);
    }

    /** The event reached the 0-9-1 queue with its topic as routing key, its id and its JSON body. */
    private Delivery arrived(Event e) throws Exception {
        Delivery d = received.poll(10, TimeUnit.SECONDS);
        assertThat(d).as("delivery of %s", e.topic()).isNotNull();
        assertThat(d.getEnvelope().getRoutingKey()).isEqualTo(e.topic());
        assertThat(d.getProperties().getMessageId()).isEqualTo(e.id());
        assertThat(JSON.readTree(new String(d.getBody(), StandardCharsets.UTF_8)).get("answer").asInt()).isEqualTo(42);
        return d;
    }

    @Test
    void theQpidAddressSchemeOnRabbitMqFailsFastInsteadOfHanging() throws Exception {
        Event e = event("test.wrong_scheme");
        long start = System.nanoTime();
        try (JmsPublisher p = new JmsPublisher(domain(URL, Protocol.AMQP_1_0, BrokerKind.QPID,
                BrokerKind.QPID.publishAddress()), Duration.ofSeconds(5))) {
            p.connect(); // the connection itself is fine: the address is what RabbitMQ refuses
            assertThatThrownBy(() -> p.publish(List.of(e))).isInstanceOf(PublishException.class);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }
}
