package org.mailbridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.Config;
import org.mailbridge.intake.smtp.SmtpIntake;
import org.mailbridge.testing.SmtpDialog;
import org.mailbridge.testing.TestBroker;
import org.mailbridge.testing.TestConfigs;
import org.mailbridge.testing.TestMail;

/**
 * The SMTP listener inside a running daemon: mail sent over several connections is published,
 * one event per mail; once the daemon stops, the listener is gone before anything else.
 */
class SmtpIntakeDaemonTest {
    @TempDir
    Path dir;

    @Test
    void mailOverSeveralConnectionsIsPublishedOnceEachAndTheListenerStopsWithTheDaemon() throws Exception {
        String url = TestBroker.get().url();
        Config config = TestConfigs.write(dir, "environment = \"smtpintake\"\n"
                + TestConfigs.toml(dir.resolve("spool"), url) + """

                [intake.smtp]
                listen = "127.0.0.1:0"
                recipients = ["*@bridge.test"]
                """);
        int connections = 3;
        int perConnection = 10;
        JmsConnectionFactory f = new JmsConnectionFactory(url + "?jms.requestTimeout=10000");
        int port;
        try (Connection c = f.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(s.createTopic("amq.topic/org.fedoraproject.smtpintake.#"));
            c.start();
            try (RunningDaemon d = RunningDaemon.start(config)) {
                port = ((SmtpIntake) d.daemon().intakes().get(0)).port();
                ExecutorService pool = Executors.newFixedThreadPool(connections);
                List<Future<List<String>>> sent = new ArrayList<>();
                for (int conn = 0; conn < connections; conn++) {
                    int cn = conn;
                    sent.add(pool.submit(() -> send(port, cn, perConnection)));
                }
                for (Future<List<String>> r : sent) {
                    assertThat(r.get()).allMatch(reply -> reply.startsWith("250"));
                }
                pool.shutdown();
                Set<String> ids = new HashSet<>();
                Set<String> sources = new HashSet<>();
                for (int i = 0; i < connections * perConnection; i++) {
                    Message m = consumer.receive(20_000);
                    assertThat(m).as("event %d", i).isNotNull();
                    ids.add(m.getJMSMessageID());
                    sources.add(m.getStringProperty("mailbridge_source_message_id"));
                }
                assertThat(ids).hasSize(connections * perConnection);
                assertThat(sources).hasSize(connections * perConnection);
                assertThat(consumer.receive(500)).as("no event twice").isNull();
            }
        }
        assertThatThrownBy(() -> SmtpDialog.open(port).close()).as("listener closed with the daemon")
                .isInstanceOf(IOException.class);
    }

    private static List<String> send(int port, int conn, int count) throws IOException {
        List<String> replies = new ArrayList<>();
        try (SmtpDialog d = SmtpDialog.open(port)) {
            d.send("EHLO mta.test");
            for (int i = 0; i < count; i++) {
                replies.add(d.mail("sender@example.org", "bugs@bridge.test",
                        TestMail.plain("smtp-" + conn + "-" + i).text()));
                d.send("RSET");
            }
            d.send("QUIT");
        }
        return replies;
    }
}
