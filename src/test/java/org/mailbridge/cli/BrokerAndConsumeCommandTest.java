package org.mailbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.mailbridge.config.BrokerKind;
import org.mailbridge.config.Domain;
import org.mailbridge.event.Event;
import org.mailbridge.publish.JmsPublisher;
import org.mailbridge.testing.CliProcess;

/** {@code mailbridge broker} starts a usable broker; {@code mailbridge consume} prints what is published to it. */
class BrokerAndConsumeCommandTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (amqp://127\\.0\\.0\\.1:(\\d+))");

    @Test
    void consumePrintsAnEventPublishedToTheBrokerCommandsBroker() throws Exception {
        Process broker = CliProcess.start(List.of("broker", "--port", "0", "--vhost", "default"),
                Map.of("XDG_DATA_HOME", System.getProperty("java.io.tmpdir") + "/mb-broker-cmd-" + ProcessHandle.current().pid()));
        Process consume = null;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(broker.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertThat(first).as("broker's first line").isNotNull();
            Matcher m = LISTENING.matcher(first);
            assertThat(m.find()).as(first).isTrue();
            String url = m.group(1);

            consume = CliProcess.start(List.of("consume", "--url", url, "--count", "1", "--timeout", "60",
                    "org.fedoraproject.#"), Map.of());
            BufferedReader cerr = new BufferedReader(new InputStreamReader(consume.getErrorStream(), StandardCharsets.UTF_8));
            assertThat(cerr.readLine()).startsWith("consuming [org.fedoraproject.#]");

            Domain d = Domain.plain("t", url, BrokerKind.QPID, false);
            Event e = new Event("6b1f7a3e-0000-3000-8000-000000000001", "org.fedoraproject.prod.test.ping",
                    Map.of("fedora_messaging_schema", "base.message", "sent-at", "2026-11-29T05:26:31+00:00"),
                    Map.of("hello", "world"));
            try (JmsPublisher p = new JmsPublisher(d, Duration.ofSeconds(10))) {
                p.publish(List.of(e));
            }
            assertThat(consume.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(consume.exitValue()).isZero();
            String line = new String(consume.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            JsonNode n = new ObjectMapper().readTree(line);
            assertThat(n.get("id").asText()).isEqualTo(e.id());
            assertThat(n.get("topic").asText()).isEqualTo(e.topic());
            assertThat(n.get("headers").get("sent-at").asText()).isEqualTo("2026-11-29T05:26:31+00:00");
            assertThat(n.get("body").get("hello").asText()).isEqualTo("world");
        } finally {
            if (consume != null) {
                consume.destroyForcibly();
            }
            broker.destroy(); // SIGTERM: the broker stops cleanly
            assertThat(broker.waitFor(30, TimeUnit.SECONDS)).as("broker stops on SIGTERM").isTrue();
        }
    }

    @Test
    void consumeWithNothingArrivingExits75AfterTheTimeout() throws Exception {
        Process broker = CliProcess.start(List.of("broker", "--port", "0"),
                Map.of("XDG_DATA_HOME", System.getProperty("java.io.tmpdir") + "/mb-broker-cmd2-" + ProcessHandle.current().pid()));
        try {
            String first = new BufferedReader(new InputStreamReader(broker.getInputStream(), StandardCharsets.UTF_8)).readLine();
            Matcher m = LISTENING.matcher(first);
            assertThat(m.find()).as(first).isTrue();
            CliProcess.Result r = CliProcess.run(List.of("consume", "--url", m.group(1), "--count", "1", "--timeout", "1"),
                    null, Map.of());
            assertThat(r.exit()).isEqualTo(75);
        } finally {
            broker.destroy();
            broker.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void consumeFromABrokerThatIsNotThereIs69() throws Exception {
        // The port is held (refusing) for the whole run: a port merely found free could be taken by
        // another process's broker before consume connects, which made this exit 75 once.
        try (org.mailbridge.testing.RefusingPort refusing = new org.mailbridge.testing.RefusingPort()) {
            CliProcess.Result r = CliProcess.run(List.of("consume", "--url",
                    "amqp://127.0.0.1:" + refusing.port() + "?jms.connectTimeout=2000", "--count", "1",
                    "--timeout", "5"), null, Map.of());
            assertThat(r.exit()).as(r.stderr()).isEqualTo(69);
            assertThat(r.stderr()).contains("unavailable");
        }
    }

}
