package org.mailbridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Delivery;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.Config;
import org.mailbridge.spool.Spool;
import org.mailbridge.testing.PrivateMail;
import org.mailbridge.testing.TestConfigs;

/**
 * Covers the bug where a private comment on a RHEL bug was published in full, as a Fedora
 * consumer sees it: the daemon publishes over AMQP 0-9-1 to RabbitMQ on 127.0.0.1:5672, a
 * fedora-messaging-style queue bound to {@code amq.topic} receives the three publishable events,
 * and no byte of what it receives (body, routing key, every header and property) carries the
 * private text of the mails, whose RHEL and private-only ones publish nothing.
 */
@Tag("rabbitmq")
class RabbitMqPrivacyEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void noPrivateTextReachesAFedoraMessagingQueue() throws Exception {
        String root = "org.mailbridgeprivacy" + UUID.randomUUID().toString().replace("-", "");
        Path spoolDir = dir.resolve("spool");
        String toml = """
                spool = "%s"
                topic_prefix = "%s"
                rules_dirs = []

                [daemon]
                poll_interval = "200ms"
                retry_min = "200ms"
                retry_max = "1s"
                publish_timeout = "10s"

                [domains.rabbit]
                url = "amqp://127.0.0.1:5672"
                protocol = "amqp-0-9-1"
                username = "guest"
                password = "guest"
                """.formatted(spoolDir, root);
        Config config = TestConfigs.write(dir, toml);
        ConnectionFactory f = new ConnectionFactory();
        f.setUri("amqp://127.0.0.1:5672");
        f.setUsername("guest");
        f.setPassword("guest");
        BlockingQueue<Delivery> received = new LinkedBlockingQueue<>();
        List<Delivery> got = new ArrayList<>();
        try (Connection connection = f.newConnection("mailbridge-privacy-test")) {
            Channel channel = connection.createChannel();
            String q = channel.queueDeclare("", false, true, true, null).getQueue();
            channel.queueBind(q, "amq.topic", root + ".#");
            channel.basicConsume(q, true, (tag, d) -> received.add(d), tag -> { });
            try (RunningDaemon d = RunningDaemon.start(config)) {
                Spool spool = new Spool(spoolDir);
                for (byte[] mail : PrivateMail.all()) {
                    spool.commit(spool.stage(new ByteArrayInputStream(mail)));
                }
                for (int i = 0; i < PrivateMail.PUBLISHED.size(); i++) {
                    Delivery m = received.poll(20, TimeUnit.SECONDS);
                    assertThat(m).as("event %d", i).isNotNull();
                    got.add(m);
                }
                assertThat(EndToEndTest.waitForEmpty(spoolDir.resolve("new"))).isTrue();
                assertThat(received.poll(1, TimeUnit.SECONDS)).as("the withheld mails publish nothing").isNull();
            }
        }
        assertThat(PrivateMail.found(PrivateMail.concatenated())).as("the search finds them in the mails")
                .containsExactlyElementsOf(PrivateMail.SECRETS);
        for (Delivery m : got) {
            assertThat(m.getEnvelope().getRoutingKey()).isEqualTo(root + ".prod.bugzilla.bug.update");
            assertThat(PrivateMail.found(everything(m))).as("private text in %s", m.getProperties().getMessageId())
                    .isEmpty();
        }
        assertThat(EndToEndTest.list(spoolDir.resolve("quarantine"))).as("withheld is not quarantined").isEmpty();
    }

    /** Everything a 0-9-1 consumer gets: body, routing key, properties and every header. */
    private static byte[] everything(Delivery d) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(d.getBody());
        out.write(d.getEnvelope().getRoutingKey().getBytes(StandardCharsets.UTF_8));
        out.write(String.valueOf(d.getProperties()).getBytes(StandardCharsets.UTF_8));
        Map<String, Object> h = d.getProperties().getHeaders();
        if (h != null) {
            for (Map.Entry<String, Object> e : h.entrySet()) {
                out.write((e.getKey() + "=" + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }
}
