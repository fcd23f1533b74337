package org.mailbridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.qpid.jms.JmsConnectionFactory;
import org.apache.qpid.jms.message.JmsMessage;
import org.apache.qpid.jms.provider.amqp.message.AmqpJmsMessageFacade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.Config;
import org.mailbridge.event.EventIds;
import org.mailbridge.testing.CliProcess;
import org.mailbridge.testing.TestBroker;
import org.mailbridge.testing.TestConfigs;
import org.mailbridge.testing.TestMail;

/**
 * The spine, end to end: {@code deliver} (a real CLI process) puts a mail into a spool, the daemon
 * publishes it to an embedded Qpid Broker-J, and a plain JMS consumer bound to
 * {@code org.fedoraproject.#} receives it on the wire exactly as the contract says.
 */
class EndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aDeliveredMailArrivesAsAFedoraMessagingEventAndARedeliveryHasTheSameId() throws Exception {
        Path spool = dir.resolve("spool");
        String url = TestBroker.get().url();
        Config config = TestConfigs.write(dir, TestConfigs.toml(spool, url));
        byte[] mail = TestMail.plain("e2e-1").header("Cc", "Ops <ops@example.org>").bytes();

        JmsConnectionFactory f = new JmsConnectionFactory(url + "?jms.requestTimeout=10000&jms.validatePropertyNames=false");
        try (Connection c = f.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(s.createTopic("amq.topic/org.fedoraproject.#"));
            c.start();
            try (RunningDaemon d = RunningDaemon.start(config)) {
                for (int i = 0; i < 2; i++) {
                    CliProcess.Result r = CliProcess.run(List.of("deliver", "--conf", dir.resolve("config.toml").toString()),
                            mail, Map.of());
                    assertThat(r.exit()).as(r.stderr()).isZero();
                }
                Message first = consumer.receive(20_000);
                Message second = consumer.receive(20_000);
                assertThat(first).as("first event").isNotNull();
                assertThat(second).as("second event").isNotNull();

                String expectedId = EventIds.of("<e2e-1@example.org>", "mail", 0);
                for (Message m : List.of(first, second)) {
                    assertThat(m.getJMSMessageID()).endsWith(expectedId);
                    assertThat(m.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
                    assertThat(m.getJMSType()).isEqualTo("org.fedoraproject.prod.mail.received");
                    assertThat(m.getStringProperty("fedora_messaging_schema")).isEqualTo("mailbridge.mail.received.v1");
                    assertThat(m.getIntProperty("fedora_messaging_severity")).isEqualTo(20);
                    assertThat(m.getStringProperty("sent-at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");
                    assertThat(m.getIntProperty("priority")).isZero();
                    assertThat(m.getStringProperty("mailbridge_source_message_id")).isEqualTo("<e2e-1@example.org>");
                    assertThat(m.getStringProperty("mailbridge_trust")).isEqualTo("trusted");
                    AmqpJmsMessageFacade facade = (AmqpJmsMessageFacade) ((JmsMessage) m).getFacade();
                    assertThat(facade.getContentType().toString()).isEqualTo("application/json");
                    assertThat(facade.getDestination().getAddress())
                            .isEqualTo("amq.topic/org.fedoraproject.prod.mail.received");
                    BytesMessage b = (BytesMessage) m;
                    byte[] payload = new byte[(int) b.getBodyLength()];
                    b.readBytes(payload);
                    JsonNode body = JSON.readTree(new String(payload, StandardCharsets.UTF_8));
                    assertThat(body.get("subject").asText()).isEqualTo("test e2e-1");
                    assertThat(body.get("from").get("email").asText()).isEqualTo("sender@example.org");
                    assertThat(body.get("cc").get(0).get("name").asText()).isEqualTo("Ops");
                    assertThat(body.get("date").asLong()).isEqualTo(1795860000L);
                    assertThat(body.get("body").asText()).isEqualTo("Hello.\n");
                }
                assertThat(waitForEmpty(spool.resolve("new"))).isTrue();
            }
        }
        assertThat(list(spool.resolve("cur"))).isEmpty();
        assertThat(list(spool.resolve("quarantine"))).isEmpty();
    }

    static boolean waitForEmpty(Path d) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            if (list(d).isEmpty()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    static List<Path> list(Path d) throws Exception {
        if (!Files.isDirectory(d)) {
            return Collections.emptyList();
        }
        try (Stream<Path> s = Files.list(d)) {
            return new ArrayList<>(s.toList());
        }
    }
}
