package org.mailbridge.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mailbridge.api.Bus;
import org.mailbridge.api.BusRoundTrip;

/**
 * The Java API through RabbitMQ, over both protocols, in a vhost of its own named in the URL:
 * headers arrive intact, an invalid body is refused before it is sent, and the subscription's
 * queue is gone once it is closed.
 */
@Tag("rabbitmq")
class RabbitMqBusTest {
    private static final String ENV = "rmqapi";

    @Test
    void amqp091RoundTripInTheUrlsVhostLeavesNoQueue() throws Exception {
        try (RabbitVhost vhost = new RabbitVhost();
             Bus bus = Bus.builder().url("amqp://127.0.0.1:5672" + vhost.path()).protocol("amqp-0-9-1")
                     .credentials("guest", "guest").topic("org.fedoraproject", ENV).timeout(Duration.ofSeconds(10)).build()) {
            BusRoundTrip.check(bus, ENV);
            assertThat(vhost.queues()).isEmpty();
        }
    }

    @Test
    void amqp10RoundTripInTheUrlsVhostLeavesNoQueue() throws Exception {
        try (RabbitVhost vhost = new RabbitVhost();
             Bus bus = Bus.builder().url("amqp://127.0.0.1:5672" + vhost.path()).broker("rabbitmq")
                     .credentials("guest", "guest").topic("org.fedoraproject", ENV).timeout(Duration.ofSeconds(10)).build()) {
            BusRoundTrip.check(bus, ENV);
            assertThat(vhost.queues()).isEmpty();
        }
    }
}
