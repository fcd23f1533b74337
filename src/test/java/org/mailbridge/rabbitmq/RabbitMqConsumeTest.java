package org.mailbridge.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailbridge.api.Bus;
import org.mailbridge.api.BusRoundTrip;
import org.mailbridge.event.Event;
import org.mailbridge.spi.EventDraft;
import org.mailbridge.testing.CliProcess;

/**
 * Issue 13: {@code mailbridge consume --domain} on RabbitMQ, for both protocols: the configured
 * domain's vhost, credentials (from a password file) and protocol are used, the printed event has
 * its topic, id, headers and body, and the vhost holds no queue once consume has exited.
 */
@Tag("rabbitmq")
class RabbitMqConsumeTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"amqp-0-9-1", "amqp-1.0"})
    void consumeADomainPrintsTheWholeEventAndLeavesNothing(String protocol) throws Exception {
        try (RabbitVhost vhost = new RabbitVhost()) {
            Files.writeString(dir.resolve("bus.pass"), "guest\n");
            Path conf = dir.resolve("config.toml");
            Files.writeString(conf, "environment = \"consumetest\"\n[domains.bus]\nurl = \"amqp://127.0.0.1:5672"
                    + vhost.path() + "\"\nprotocol = \"" + protocol + "\"\nbroker = \"rabbitmq\"\nusername = \"guest\"\n"
                    + "password_file = \"bus.pass\"\n");
            Process consume = CliProcess.start(List.of("consume", "--conf", conf.toString(), "--domain", "bus",
                    "--count", "1", "--timeout", "60", "org.fedoraproject.consumetest.#"), Map.of());
            try (Bus bus = Bus.builder().config(conf).domain("bus").build()) {
                BufferedReader err = new BufferedReader(new InputStreamReader(consume.getErrorStream(),
                        StandardCharsets.UTF_8));
                assertThat(err.readLine()).startsWith("consuming").endsWith("(" + protocol + ")");
                Event sent = bus.publish(new EventDraft("git.ref.update", "mailbridge.git.ref.update.v1", 20,
                        BusRoundTrip.REF, java.util.Set.of("alice"), java.util.Set.of("widget")),
                        java.util.UUID.randomUUID().toString());
                assertThat(consume.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(consume.exitValue()).isZero();
                JsonNode n = new ObjectMapper().readTree(
                        new String(consume.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
                assertThat(n.path("id").asText()).isEqualTo(sent.id());
                assertThat(n.path("topic").asText()).isEqualTo("org.fedoraproject.consumetest.git.ref.update");
                assertThat(n.path("headers").path("fedora_messaging_schema").asText())
                        .isEqualTo("mailbridge.git.ref.update.v1");
                assertThat(n.path("headers").path("fedora_messaging_user_alice").asBoolean()).isTrue();
                assertThat(n.path("headers").path("sent-at").asText()).isEqualTo(sent.headers().get("sent-at"));
                assertThat(n.path("body").path("new_rev").asText()).isEqualTo("2".repeat(40));
            } finally {
                consume.destroyForcibly();
            }
            assertThat(vhost.queues()).as("queues left in %s", vhost.name).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"kill"})
    void aKilledZeroNineOneConsumerLeavesNoQueueEither(String how) throws Exception {
        try (RabbitVhost vhost = new RabbitVhost()) {
            Process consume = CliProcess.start(List.of("consume", "--url", "amqp://127.0.0.1:5672"
                    + vhost.path(), "--protocol", "amqp-0-9-1", "#"), Map.of());
            BufferedReader err = new BufferedReader(new InputStreamReader(consume.getErrorStream(), StandardCharsets.UTF_8));
            assertThat(err.readLine()).startsWith("consuming");
            assertThat(vhost.queues()).hasSize(1);
            consume.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            List<String> left = vhost.queues();
            for (int i = 0; i < 20 && !left.isEmpty(); i++) {
                Thread.sleep(250);
                left = vhost.queues();
            }
            assertThat(left).as("the exclusive queue goes with the connection").isEmpty();
        }
    }
}
