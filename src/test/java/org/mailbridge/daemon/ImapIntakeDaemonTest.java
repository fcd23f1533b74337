package org.mailbridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.Config;
import org.mailbridge.testing.TestBroker;
import org.mailbridge.testing.TestConfigs;
import org.mailbridge.testing.TestImap;
import org.mailbridge.testing.TestMail;

/** The IMAP intake inside a running daemon: what is appended to the mailbox is published, and the mailbox is emptied. */
class ImapIntakeDaemonTest {
    @TempDir
    Path dir;

    @Test
    void appendedMessagesArePublishedAndMovedOutOfTheInbox() throws Exception {
        TestImap.User u = TestImap.newUser(dir);
        for (int i = 0; i < 5; i++) {
            u.append("INBOX", TestMail.plain("imap-daemon-" + i).bytes());
        }
        String url = TestBroker.get().url();
        Config config = TestConfigs.write(dir, "environment = \"imapintake\"\n"
                + TestConfigs.toml(dir.resolve("spool"), url) + """

                [intake.imap]
                url = "imaps://%s@127.0.0.1:%d/INBOX"
                password_file = "%s"
                ca_file = "%s"
                move_to = "Archive/bridge"
                poll_interval = "1s"
                """.formatted(u.login(), TestImap.imapsPort(), u.passwordFile(), TestImap.certs().cert()));
        JmsConnectionFactory f = new JmsConnectionFactory(url + "?jms.requestTimeout=10000");
        try (Connection c = f.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(s.createTopic("amq.topic/org.fedoraproject.imapintake.#"));
            c.start();
            try (RunningDaemon d = RunningDaemon.start(config)) {
                Set<String> sources = new HashSet<>();
                for (int i = 0; i < 5; i++) {
                    Message m = consumer.receive(20_000);
                    assertThat(m).as("event %d", i).isNotNull();
                    sources.add(m.getStringProperty("mailbridge_source_message_id"));
                }
                assertThat(sources).hasSize(5).contains("<imap-daemon-0@example.org>");
                assertThat(consumer.receive(500)).as("no event twice").isNull();
                long end = System.nanoTime() + 10_000_000_000L;
                while (u.count("Archive/bridge") < 5 && System.nanoTime() < end) {
                    Thread.sleep(50);
                }
                assertThat(u.count("INBOX")).isZero();
                assertThat(u.count("Archive/bridge")).isEqualTo(5);
            }
        }
    }
}
