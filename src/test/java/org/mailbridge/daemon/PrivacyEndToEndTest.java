package org.mailbridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.Config;
import org.mailbridge.spool.Spool;
import org.mailbridge.status.StateFile;
import org.mailbridge.testing.PrivateMail;
import org.mailbridge.testing.TestBroker;
import org.mailbridge.testing.TestConfigs;

/**
 * Covers the bug where a private comment on a RHEL bug was published in full: the Bugzilla mails
 * with private comments and attachments, and the RHEL ones, go through the daemon to the
 * embedded Qpid Broker-J; a consumer receives the three publishable events, and no byte of any
 * message it receives (body, every property, the message id and type) carries the private text.
 * The withheld mails are settled: gone from the spool, not in the quarantine, counted by status.
 */
class PrivacyEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void noPrivateTextReachesAConsumer() throws Exception {
        Path spoolDir = dir.resolve("spool");
        String url = TestBroker.get().url();
        Config config = TestConfigs.write(dir, TestConfigs.toml(spoolDir, url));
        JmsConnectionFactory f = new JmsConnectionFactory(url + "?jms.requestTimeout=10000&jms.validatePropertyNames=false");
        List<Message> got = new ArrayList<>();
        try (Connection c = f.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(s.createTopic("amq.topic/org.fedoraproject.#"));
            c.start();
            try (RunningDaemon d = RunningDaemon.start(config)) {
                Spool spool = new Spool(spoolDir);
                for (byte[] mail : PrivateMail.all()) {
                    spool.commit(spool.stage(new ByteArrayInputStream(mail)));
                }
                for (int i = 0; i < PrivateMail.PUBLISHED.size(); i++) {
                    Message m = consumer.receive(20_000);
                    assertThat(m).as("event %d", i).isNotNull();
                    got.add(m);
                }
                assertThat(EndToEndTest.waitForEmpty(spoolDir.resolve("new"))).isTrue();
                assertThat(consumer.receive(1_000)).as("the withheld mails publish nothing").isNull();
                d.daemon();
            }
        }
        assertThat(PrivateMail.found(PrivateMail.concatenated())).as("the search finds them in the mails")
                .containsExactlyElementsOf(PrivateMail.SECRETS);
        for (Message m : got) {
            byte[] all = everything(m);
            assertThat(new String(all, StandardCharsets.UTF_8)).contains("bugzilla.bug.update");
            assertThat(PrivateMail.found(all)).as("private text in %s", m.getJMSMessageID()).isEmpty();
        }
        assertThat(EndToEndTest.list(spoolDir.resolve("cur"))).isEmpty();
        assertThat(EndToEndTest.list(spoolDir.resolve("quarantine"))).as("withheld is not quarantined").isEmpty();
        assertThat(new StateFile(spoolDir).read().orElseThrow().withheld())
                .containsEntry("policy: private", 1L).containsEntry("policy: product", 2L);
    }

    /** What a consumer receives: the body, the id and type, every property name and value. */
    static byte[] everything(Message m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BytesMessage b = (BytesMessage) m;
        byte[] payload = new byte[(int) b.getBodyLength()];
        b.readBytes(payload);
        out.write(payload);
        out.write(String.valueOf(m.getJMSMessageID()).getBytes(StandardCharsets.UTF_8));
        out.write(String.valueOf(m.getJMSType()).getBytes(StandardCharsets.UTF_8));
        @SuppressWarnings("unchecked")
        Enumeration<String> names = m.getPropertyNames();
        for (String n : Collections.list(names)) {
            out.write((n + "=" + m.getObjectProperty(n) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
