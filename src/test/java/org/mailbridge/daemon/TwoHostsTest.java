package org.mailbridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.Config;
import org.mailbridge.event.EventIds;
import org.mailbridge.spool.Spool;
import org.mailbridge.testing.TestBroker;
import org.mailbridge.testing.TestConfigs;
import org.mailbridge.testing.TestMail;

/**
 * The scale-out model: two bridge hosts (every MX may run one), each with its own spool and
 * daemon, publish into one broker. The same mails reach both; one consumer sees every event,
 * and the only repeats are events with equal ids and equal bodies, so dropping duplicates by
 * message id (as fedora-messaging consumers and datanommer do) leaves each event once.
 */
class TwoHostsTest {
    private static final int MAILS = 10;

    @TempDir
    Path dir;

    @Test
    void everyIdArrivesNoneIsLostAndDuplicatesHaveEqualIds() throws Exception {
        String env = "twohosts" + ProcessHandle.current().pid();
        String url = TestBroker.get().url();
        Config a = config("a", env, url);
        Config b = config("b", env, url);
        JmsConnectionFactory f = new JmsConnectionFactory(url + "?jms.requestTimeout=10000&jms.validatePropertyNames=false");
        try (Connection c = f.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(s.createTopic("amq.topic/org.fedoraproject." + env + ".#"));
            c.start();
            Set<String> expected = new TreeSet<>();
            try (RunningDaemon da = RunningDaemon.start(a); RunningDaemon db = RunningDaemon.start(b)) {
                for (int i = 0; i < MAILS; i++) {
                    byte[] mail = TestMail.plain("mx-" + i).bytes();
                    for (Config host : List.of(a, b)) {
                        Spool spool = new Spool(host.spool());
                        spool.commit(spool.stage(new java.io.ByteArrayInputStream(mail)));
                    }
                    expected.add(EventIds.of("<mx-" + i + "@example.org>", "mail", 0));
                }
                Map<String, List<String>> bodiesById = new HashMap<>();
                List<Message> all = new ArrayList<>();
                while (all.size() < 2 * MAILS) {
                    Message m = consumer.receive(20_000);
                    if (m == null) {
                        break;
                    }
                    all.add(m);
                    bodiesById.computeIfAbsent(id(m), k -> new ArrayList<>()).add(body(m));
                }
                assertThat(all).as("both hosts published every mail").hasSize(2 * MAILS);
                assertThat(consumer.receive(1000)).as("nothing beyond the two copies").isNull();
                assertThat(bodiesById.keySet()).as("every id arrived, and no other").isEqualTo(expected);
                bodiesById.forEach((id, bodies) -> {
                    assertThat(bodies).as(id).hasSize(2);
                    assertThat(bodies.get(1)).as("a duplicate is the same event").isEqualTo(bodies.get(0));
                });
            }
            assertThat(EndToEndTest.list(a.spool().resolve("quarantine"))).isEmpty();
            assertThat(EndToEndTest.list(b.spool().resolve("quarantine"))).isEmpty();
        }
    }

    private Config config(String host, String env, String url) throws Exception {
        Path d = java.nio.file.Files.createDirectories(dir.resolve(host));
        return TestConfigs.write(d, "environment = \"" + env + "\"\n" + TestConfigs.toml(d.resolve("spool"), url));
    }

    private static String id(Message m) throws Exception {
        // Qpid JMS shows an AMQP message-id without its own "ID:" prefix as "AMQP_NO_PREFIX:<id>".
        String id = m.getJMSMessageID();
        return id.substring(id.lastIndexOf(':') + 1);
    }

    private static String body(Message m) throws Exception {
        BytesMessage b = (BytesMessage) m;
        byte[] payload = new byte[(int) b.getBodyLength()];
        b.readBytes(payload);
        return new String(payload, StandardCharsets.UTF_8);
    }
}
