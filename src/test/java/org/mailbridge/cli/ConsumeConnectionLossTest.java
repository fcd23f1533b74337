package org.mailbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.mailbridge.api.Bus;
import org.mailbridge.api.BusRoundTrip;
import org.mailbridge.testing.CliProcess;
import org.mailbridge.testing.TcpProxy;
import org.mailbridge.testing.TestBroker;

/**
 * Issue 9, F7: {@code consume} logged a failed connection and then sat silent for ever. Through a
 * proxy to the embedded broker that is then cut: it exits 69, or with {@code --reconnect}
 * subscribes again once the broker is back and prints what is published then.
 */
class ConsumeConnectionLossTest {
    @Test
    void aDeadConnectionEndsConsumeWith69() throws Exception {
        TcpProxy proxy = TcpProxy.onFreePort();
        int port = proxy.port();
        proxy.forwardTo(TestBroker.get().port());
        Process consume = CliProcess.start(List.of("consume", "--url", "amqp://127.0.0.1:" + port, "org.fedoraproject.#"),
                Map.of());
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(consume.getErrorStream(), StandardCharsets.UTF_8));
            assertThat(err.readLine()).startsWith("consuming [org.fedoraproject.#]");
            proxy.cut();
            assertThat(consume.waitFor(60, TimeUnit.SECONDS)).as("consume exits when its connection dies").isTrue();
            assertThat(consume.exitValue()).isEqualTo(69);
            assertThat(lineWith(err, "connection lost")).isNotNull();
        } finally {
            proxy.close();
            consume.destroyForcibly();
        }
    }

    @Test
    void withReconnectItSubscribesAgainAndPrintsWhatComesAfter() throws Exception {
        TcpProxy proxy = TcpProxy.onFreePort();
        int port = proxy.port();
        proxy.forwardTo(TestBroker.get().port());
        String env = "reconnecttest";
        Process consume = CliProcess.start(List.of("consume", "--reconnect", "--count", "1", "--timeout", "90",
                "--url", "amqp://127.0.0.1:" + port, "org.fedoraproject." + env + ".#"), Map.of());
        try (Bus bus = Bus.builder().url(TestBroker.get().url()).topic("org.fedoraproject", env)
                .timeout(Duration.ofSeconds(10)).build()) {
            BufferedReader err = new BufferedReader(new InputStreamReader(consume.getErrorStream(), StandardCharsets.UTF_8));
            assertThat(err.readLine()).startsWith("consuming");
            proxy.cut();
            assertThat(lineWith(err, "connection lost")).isNotNull();
            assertThat(lineWith(err, "reconnecting")).isNotNull();
            proxy.forwardTo(TestBroker.get().port());
            assertThat(lineWith(err, "consuming")).as("subscribed again").isNotNull();
            String id = bus.publish("git.ref.update", BusRoundTrip.REF).id();
            assertThat(consume.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(consume.exitValue()).isZero();
            String out = new String(consume.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(out).contains("\"id\":\"" + id + "\"");
        } finally {
            proxy.close();
            consume.destroyForcibly();
        }
    }

    /** The next stderr line containing {@code text} (the client library logs lines of its own), or null at the end. */
    private static String lineWith(BufferedReader err, String text) throws java.io.IOException {
        String line;
        do {
            line = err.readLine();
        } while (line != null && !line.contains(text));
        return line;
    }
}
