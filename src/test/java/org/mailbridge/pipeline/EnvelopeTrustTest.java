package org.mailbridge.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.Config;
import org.mailbridge.config.ConfigLoader;
import org.mailbridge.publish.Dispatcher;
import org.mailbridge.publish.Router;
import org.mailbridge.spool.Delivery;
import org.mailbridge.spool.Envelope;
import org.mailbridge.spool.Quarantine;
import org.mailbridge.spool.Spool;
import org.mailbridge.testing.FixedClock;
import org.mailbridge.testing.RecordingPublisher;
import org.mailbridge.testing.TestMail;

/**
 * The envelope an intake stored beside a message is what the trust check sees as the envelope
 * sender: a {@code Return-Path:} the sender wrote into the message cannot stand in for it.
 */
class EnvelopeTrustTest {
    @TempDir
    Path dir;

    private Spool spool;
    private final RecordingPublisher main = new RecordingPublisher("main");

    private Pipeline pipeline() throws Exception {
        Config c = ConfigLoader.parse("spool = \"" + dir.resolve("spool") + "\"\nrules_dirs = []\n"
                + "unclaimed = \"publish\"\n[parsers.mail]\nsenders = [\"builds@example.org\"]\n"
                + "[domains.main]\nurl = \"amqp://x\"\n", dir.resolve("c.toml"), Map.of());
        spool = new Spool(c.spool());
        spool.ensureLayout();
        Dispatcher d = new Dispatcher(new Router(c.domains(), "org.fedoraproject.prod."), Map.of("main", main));
        return new Pipeline(spool, Interpreters.create(c, FixedClock.CLOCK), d, false, 3, FixedClock.CLOCK);
    }

    private Outcome viaSmtp(Pipeline p, String mailFrom, TestMail mail) throws Exception {
        Envelope env = new Envelope("smtp", mailFrom, List.of("bugs@bridge.test"), "127.0.0.1", "mta.test", null);
        Delivery.Result r = Delivery.deliver(spool, Spool.source(new ByteArrayInputStream(mail.bytes())), env);
        return p.process(spool.claim(r.entry()).orElseThrow());
    }

    @Test
    void aReturnPathInsideTheMessageDoesNotOverrideTheSmtpEnvelope() throws Exception {
        Pipeline p = pipeline();
        TestMail forged = TestMail.plain("forged").header("Return-Path", "<builds@example.org>");
        Outcome o = viaSmtp(p, "evil@attacker.test", forged);
        assertThat(o).isInstanceOfSatisfying(Outcome.Quarantined.class,
                q -> assertThat(q.note().reason().code()).isEqualTo("untrusted"));
        assertThat(main.published()).isEmpty();
        String name = new Quarantine(spool).list().get(0).entry().name();
        assertThat(Files.readString(spool.root().resolve("env").resolve(name)))
                .as("the envelope stays with the quarantined message").contains("mail-from: evil@attacker.test");
    }

    @Test
    void theSmtpEnvelopeSenderIsTrustedAndItsFileGoesWithThePublishedMessage() throws Exception {
        Pipeline p = pipeline();
        Outcome o = viaSmtp(p, "builds@example.org", TestMail.plain("relayed"));
        assertThat(o).isInstanceOf(Outcome.Published.class);
        assertThat(main.published()).hasSize(1);
        assertThat(spool.root().resolve("env")).isEmptyDirectory();
    }

    @Test
    void theNullSenderLeavesNoEnvelopeSenderToTrust() throws Exception {
        Pipeline p = pipeline();
        TestMail bounce = TestMail.plain("bounce").header("Return-Path", "<builds@example.org>");
        assertThat(viaSmtp(p, "", bounce)).isInstanceOf(Outcome.Quarantined.class);
    }
}
