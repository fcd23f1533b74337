package org.mailbridge.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;

import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.testing.CliProcess;

/**
 * {@code mailbridge broker} with a work directory keeps what it confirmed: durable messages on a
 * durable subscription outlive a {@code kill -9} of the broker's JVM. The adversarial trial of
 * issue 9 found the embedded broker confirming durable messages it held only in memory.
 */
class EmbeddedBrokerKillTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (amqp://\\S+)");
    private static final int MESSAGES = 200;
    private static final String CLIENT = "kill-test";
    private static final String SUBSCRIPTION = "kept";

    @TempDir
    Path dir;

    @Test
    void durableMessagesConfirmedBeforeAKill9AreAllThereAfterTheRestart() throws Exception {
        Path conf = config();
        Process first = startBroker(conf);
        String url = url(first);
        try (Connection c = connect(url)) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic topic = s.createTopic("amq.topic/org.fedoraproject.test.kill.#");
            s.createDurableSubscriber(topic, SUBSCRIPTION).close(); // the queue exists; nobody reads it
            MessageProducer p = s.createProducer(s.createTopic("amq.topic/org.fedoraproject.test.kill.one"));
            p.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int i = 0; i < MESSAGES; i++) {
                p.send(s.createTextMessage("m" + i)); // a persistent send returns when the broker settled it
            }
        }
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no store close
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();

        Process second = startBroker(conf);
        Set<String> seen = new HashSet<>();
        int received = 0;
        try (Connection c = connect(url(second))) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic topic = s.createTopic("amq.topic/org.fedoraproject.test.kill.#");
            try (MessageConsumer consumer = s.createDurableSubscriber(topic, SUBSCRIPTION)) {
                for (Message m = consumer.receive(10_000); m != null; m = consumer.receive(2_000)) {
                    received++;
                    seen.add(m.getBody(String.class));
                }
            }
            s.unsubscribe(SUBSCRIPTION);
        } finally {
            stop(second);
        }
        assertThat(received).as("messages after the restart").isEqualTo(MESSAGES);
        assertThat(seen).hasSize(MESSAGES).contains("m0", "m" + (MESSAGES - 1));
    }

    @Test
    void aSecondBrokerOnTheSameWorkDirectoryRefusesToStart() throws Exception {
        Path conf = config();
        Process first = startBroker(conf);
        try {
            url(first);
            CliProcess.Result r = CliProcess.run(List.of("broker", "--conf", conf.toString(), "--port", "0"),
                    null, Map.of());
            assertThat(r.exit()).as(r.stderr()).isEqualTo(69);
            assertThat(r.stderr()).contains("embedded broker did not start", "store in " + dir.resolve("broker"),
                    "is another broker using it?");
        } finally {
            stop(first);
        }
    }

    private Path config() throws IOException {
        return Files.writeString(dir.resolve("c.toml"), """
                spool = "%s"
                [embedded_broker]
                work_dir = "%s"
                """.formatted(dir.resolve("spool"), dir.resolve("broker")));
    }

    private static Process startBroker(Path conf) throws IOException {
        return CliProcess.start(List.of("broker", "--conf", conf.toString(), "--port", "0", "--vhost", "default"),
                Map.of());
    }

    /** The broker's URL from its first line; the rest of its output is drained so it never blocks. */
    private static String url(Process broker) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(broker.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        assertThat(first).as("the broker's first line").isNotNull();
        Matcher m = LISTENING.matcher(first);
        assertThat(m.find()).as(first).isTrue();
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "broker-out");
        drain.setDaemon(true);
        drain.start();
        Thread err = new Thread(() -> new BufferedReader(new InputStreamReader(broker.getErrorStream(),
                StandardCharsets.UTF_8)).lines().forEach(l -> { }), "broker-err");
        err.setDaemon(true);
        err.start();
        return m.group(1);
    }

    private static Connection connect(String url) throws Exception {
        Connection c = new JmsConnectionFactory(url + "?jms.requestTimeout=20000").createConnection();
        c.setClientID(CLIENT);
        return c;
    }

    private static void stop(Process broker) throws InterruptedException {
        broker.destroy();
        if (!broker.waitFor(30, TimeUnit.SECONDS)) {
            broker.destroyForcibly().waitFor();
        }
    }
}
