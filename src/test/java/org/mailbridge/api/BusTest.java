package org.mailbridge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.mailbridge.config.BrokerKind;
import org.mailbridge.config.Domain;
import org.mailbridge.event.Event;
import org.mailbridge.publish.JmsPublisher;
import org.mailbridge.testing.TestBroker;

/** The Java API through the embedded broker, over AMQP 1.0. */
class BusTest {
    private static Bus bus(String env) throws Exception {
        return Bus.builder().url(TestBroker.get().url()).topic("org.fedoraproject", env)
                .timeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void roundTripsAnEventWithItsHeadersAndRefusesAnInvalidOneBeforeSending() throws Exception {
        try (Bus bus = bus("apitest1")) {
            BusRoundTrip.check(bus, "apitest1");
        }
    }

    @Test
    void publishByTopicTakesTheHeaderFromTheSchemaAndRefusesATopicWithoutOne() throws Exception {
        try (Bus bus = bus("apitest2")) {
            BusRoundTrip.Collector c = new BusRoundTrip.Collector();
            try (Subscription s = bus.subscribe("org.fedoraproject.apitest2.#", c)) {
                assertThatThrownBy(() -> bus.publish("no.such.topic", Map.of()))
                        .isInstanceOf(InvalidEventException.class).hasMessageContaining("has no schema");
                Event sent = bus.publish("git.ref.update", BusRoundTrip.REF);
                Event got = c.next();
                assertThat(got.id()).isEqualTo(sent.id());
                assertThat(got.schema()).isEqualTo("mailbridge.git.ref.update.v1");
            }
        }
    }

    @Test
    void aReceivedEventThatFailsItsSchemaGoesToOnInvalid() throws Exception {
        try (Bus bus = bus("apitest3")) {
            BusRoundTrip.Collector c = new BusRoundTrip.Collector();
            try (Subscription s = bus.subscribe("org.fedoraproject.apitest3.#", c)) {
                // Sent past the API, as a careless publisher would.
                Event bad = new Event("7b1f7a3e-0000-3000-8000-000000000003", "org.fedoraproject.apitest3.svn.commit",
                        Map.of("fedora_messaging_schema", "mailbridge.svn.commit.v1"), Map.of("revision", "x"));
                try (JmsPublisher p = new JmsPublisher(Domain.plain("t", TestBroker.get().url(), BrokerKind.QPID, false),
                        Duration.ofSeconds(10))) {
                    p.publish(List.of(bad));
                }
                String problem = c.invalid.poll(20, TimeUnit.SECONDS);
                assertThat(problem).startsWith(bad.id()).contains("svn.commit");
                assertThat(c.valid).isEmpty();
            }
        }
    }

    /** The README's example: a service publishing an event of its own topic, with its own schema. */
    @Test
    void aServicePublishesACustomEventWithItsOwnSchema() throws Exception {
        byte[] schema = ("{\"$schema\":\"http://json-schema.org/draft-07/schema#\","
                + "\"$id\":\"https://backup.example.org/schemas/v1/backup.done.json\","
                + "\"x-fedora-messaging-schema\":\"backupd.done.v1\",\"type\":\"object\","
                + "\"required\":[\"host\",\"minutes\"],\"properties\":{\"host\":{\"type\":\"string\"},"
                + "\"minutes\":{\"type\":\"integer\"}}}").getBytes(StandardCharsets.UTF_8);
        try (Bus bus = Bus.builder().url(TestBroker.get().url()).topic("org.example", "prod")
                .schema("backup.done", schema).build()) {
            BusRoundTrip.Collector c = new BusRoundTrip.Collector();
            try (Subscription s = bus.subscribe("org.example.prod.backup.*", c)) {
                bus.publish("backup.done", Map.of("host", "db1", "minutes", 42));
                Event got = c.next();
                assertThat(got.topic()).isEqualTo("org.example.prod.backup.done");
                assertThat(got.schema()).isEqualTo("backupd.done.v1");
                assertThat(got.body()).containsEntry("host", "db1");
                assertThatThrownBy(() -> bus.publish("backup.done", Map.of("host", "db1")))
                        .isInstanceOf(InvalidEventException.class).hasMessageContaining("minutes");
            }
        }
    }
}
