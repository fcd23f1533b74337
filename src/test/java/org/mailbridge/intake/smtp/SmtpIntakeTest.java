package org.mailbridge.intake.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.SmtpSettings;
import org.mailbridge.intake.Gate;
import org.mailbridge.spool.Envelope;
import org.mailbridge.spool.EnvelopeFile;
import org.mailbridge.spool.Spool;
import org.mailbridge.spool.SpoolEntry;
import org.mailbridge.publish.TlsContexts;
import org.mailbridge.testing.SmtpDialog;
import org.mailbridge.testing.TestCerts;
import org.mailbridge.testing.TestMail;

/** The SMTP listener on its own: what reaches the spool, the reply for each way of failing, STARTTLS and AUTH. */
class SmtpIntakeTest {
    @TempDir
    Path dir;

    private SmtpIntake intake;

    @AfterEach
    void stop() {
        if (intake != null) {
            intake.stop(Duration.ofSeconds(5));
        }
    }

    static SmtpSettings settings(List<String> recipients, long maxSize, int perSecond) throws Exception {
        return new SmtpSettings(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "bridge.test", recipients,
                maxSize, 20, 10, 50, perSecond, Duration.ofSeconds(30), Optional.empty(), false, Optional.empty());
    }

    private Spool started(SmtpSettings s, Gate gate) throws Exception {
        Spool spool = new Spool(dir.resolve("spool"));
        spool.ensureLayout();
        intake = new SmtpIntake(s, spool, gate);
        intake.start();
        return spool;
    }

    @Test
    void manyMessagesOverSeveralConnectionsAllLandInNewWithTheirEnvelopes() throws Exception {
        Spool spool = started(settings(List.of("*@bridge.test"), 1 << 20, 10_000), new Gate());
        int connections = 4;
        int perConnection = 25;
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<?>> sent = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int conn = c;
            sent.add(pool.submit(() -> {
                Properties p = new Properties();
                p.put("mail.smtp.host", "127.0.0.1");
                p.put("mail.smtp.port", Integer.toString(intake.port()));
                Session session = Session.getInstance(p);
                try (Transport t = session.getTransport("smtp")) {
                    t.connect();
                    for (int i = 0; i < perConnection; i++) {
                        MimeMessage m = new MimeMessage(session);
                        m.setFrom("bugzilla@example.org");
                        m.setSubject("message " + conn + "-" + i);
                        m.setText("body " + conn + "-" + i);
                        m.setHeader("Message-ID", "<m" + conn + "-" + i + "@example.org>");
                        t.sendMessage(m, new InternetAddress[] {new InternetAddress("bugs@bridge.test")});
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        pool.shutdown();

        List<SpoolEntry> waiting = spool.waiting();
        assertThat(waiting).hasSize(connections * perConnection);
        Set<String> subjects = new HashSet<>();
        for (SpoolEntry e : waiting) {
            String text = Files.readString(e.path());
            subjects.add(text.lines().filter(l -> l.startsWith("Subject: ")).findFirst().orElseThrow());
            assertThat(text).as("the listener's trace line").contains("Received: from");
            Envelope env = new EnvelopeFile(spool).read(e.name()).orElseThrow();
            assertThat(env.protocol()).isEqualTo("smtp");
            assertThat(env.sender()).isEqualTo("bugzilla@example.org");
            assertThat(env.recipients()).containsExactly("bugs@bridge.test");
            assertThat(env.client()).isEqualTo("127.0.0.1");
            assertThat(env.helo()).isNotBlank();
        }
        assertThat(subjects).as("every message once").hasSize(connections * perConnection);
        assertThat(Files.list(spool.root().resolve("tmp"))).as("nothing left half-written").isEmpty();
    }

    @Test
    void aRecipientNotServedIs550AndTheOthersStillGetTheirMail() throws Exception {
        Spool spool = started(settings(List.of("bugs@bridge.test"), 1 << 20, 100), new Gate());
        try (SmtpDialog d = SmtpDialog.open(intake.port())) {
            d.send("EHLO client.test");
            assertThat(d.send("MAIL FROM:<a@example.org>")).startsWith("250");
            assertThat(d.send("RCPT TO:<someone@elsewhere.test>")).startsWith("550");
            assertThat(d.send("RCPT TO:<BUGS@bridge.test>")).startsWith("250");
            assertThat(d.data(TestMail.plain("r1").text())).startsWith("250");
        }
        assertThat(spool.waiting()).hasSize(1);
        assertThat(new EnvelopeFile(spool).read(spool.waiting().get(0).name()).orElseThrow().recipients())
                .containsExactly("BUGS@bridge.test");
    }

    @Test
    void overTheSizeLimitIs552WhetherDeclaredOrNotAndNothingIsKept() throws Exception {
        Spool spool = started(settings(List.of(), 4096, 100), new Gate());
        String big = TestMail.plain("big").body("x".repeat(70) + "\n".repeat(1) + ("y".repeat(70) + "\n").repeat(100)).text();
        try (SmtpDialog d = SmtpDialog.open(intake.port())) {
            d.send("EHLO client.test");
            assertThat(d.send("MAIL FROM:<a@example.org> SIZE=100000")).startsWith("552");
            assertThat(d.mail("a@example.org", "bugs@bridge.test", big)).startsWith("552");
            // The session is still in step: the next, small message goes through.
            d.send("RSET");
            assertThat(d.mail("a@example.org", "bugs@bridge.test", TestMail.plain("small").text())).startsWith("250");
        }
        assertThat(spool.waiting()).hasSize(1);
        assertThat(Files.list(spool.root().resolve("tmp"))).isEmpty();
    }

    @Test
    void aSpoolThatCannotTakeTheMessageIs451() throws Exception {
        Spool spool = started(settings(List.of(), 1 << 20, 100), new Gate());
        // tmp/ replaced by a file: every write fails as on a broken or full disk (root ignores modes).
        Path tmp = spool.root().resolve("tmp");
        Files.delete(tmp);
        Files.writeString(tmp, "not a directory");
        try (SmtpDialog d = SmtpDialog.open(intake.port())) {
            d.send("EHLO client.test");
            assertThat(d.mail("a@example.org", "bugs@bridge.test", TestMail.plain("full").text())).startsWith("451");
        }
        assertThat(spool.waiting()).isEmpty();
    }

    @Test
    void aStoppingListenerAnswers451ToNewMail() throws Exception {
        Gate gate = new Gate();
        Spool spool = started(settings(List.of(), 1 << 20, 100), gate);
        try (SmtpDialog d = SmtpDialog.open(intake.port())) {
            d.send("EHLO client.test");
            assertThat(d.send("MAIL FROM:<a@example.org>")).startsWith("250");
            assertThat(d.send("RCPT TO:<bugs@bridge.test>")).startsWith("250");
            gate.close(Duration.ZERO);
            assertThat(d.data(TestMail.plain("late").text())).startsWith("451");
            d.send("RSET");
            assertThat(d.send("MAIL FROM:<a@example.org>")).startsWith("451");
        }
        assertThat(spool.waiting()).isEmpty();
    }

    @Test
    void overTheRateIs451() throws Exception {
        Spool spool = started(settings(List.of(), 1 << 20, 2), new Gate());
        List<String> replies = new ArrayList<>();
        try (SmtpDialog d = SmtpDialog.open(intake.port())) {
            d.send("EHLO client.test");
            for (int i = 0; i < 4; i++) {
                replies.add(d.mail("a@example.org", "bugs@bridge.test", TestMail.plain("rate" + i).text()));
                d.send("RSET");
            }
        }
        assertThat(replies.subList(0, 2)).allMatch(r -> r.startsWith("250"));
        assertThat(replies.get(3)).startsWith("451 4.7.1");
        assertThat(spool.waiting()).hasSize((int) replies.stream().filter(r -> r.startsWith("250")).count());
    }

    @Test
    void theNullSenderIsKeptAsSuchNotReplacedByWhatTheMessageClaims() throws Exception {
        Spool spool = started(settings(List.of(), 1 << 20, 100), new Gate());
        try (SmtpDialog d = SmtpDialog.open(intake.port())) {
            d.send("HELO bounce.test");
            assertThat(d.send("MAIL FROM:<>")).startsWith("250");
            assertThat(d.send("RCPT TO:<bugs@bridge.test>")).startsWith("250");
            assertThat(d.data("Return-Path: <bugzilla@redhat.com>\n" + TestMail.plain("bounce").text())).startsWith("250");
        }
        Envelope env = new EnvelopeFile(spool).read(spool.waiting().get(0).name()).orElseThrow();
        assertThat(env.sender()).isEmpty();
        assertThat(env.helo()).isEqualTo("bounce.test");
    }

    @Test
    void mailNeedsStartTlsAndTheAccountFromThePasswordFile() throws Exception {
        TestCerts certs = TestCerts.create(dir.resolve("certs"));
        Path pw = Files.writeString(dir.resolve("smtp.pass"), "s3cret\n");
        SmtpSettings s = new SmtpSettings(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "bridge.test",
                List.of(), 1 << 20, 20, 10, 50, 100, Duration.ofSeconds(30),
                Optional.of(new SmtpSettings.TlsFiles(certs.cert(), certs.key())), true,
                Optional.of(new SmtpSettings.Account("relay", pw)));
        Spool spool = started(s, new Gate());
        try (SmtpDialog d = SmtpDialog.open(intake.port())) {
            d.send("EHLO client.test");
            assertThat(d.send("MAIL FROM:<a@example.org>")).as("before STARTTLS").startsWith("530");
        }
        assertThat(send("relay", "wrong")).startsWith("AuthenticationFailed");
        assertThat(spool.waiting()).isEmpty();
        assertThat(send("relay", "s3cret")).isEqualTo("sent");
        assertThat(spool.waiting()).hasSize(1);
    }

    private String send(String user, String password) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(intake.port()));
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        p.put("mail.smtp.ssl.socketFactory",
                TlsContexts.fromPem(Optional.of(dir.resolve("certs/server.pem")), Optional.empty(), Optional.empty()).getSocketFactory());
        p.put("mail.smtp.auth", "true");
        Session session = Session.getInstance(p);
        MimeMessage m = new MimeMessage(session);
        m.setFrom("builds@example.org");
        m.setSubject("over tls");
        m.setText("hello");
        try (Transport t = session.getTransport("smtp")) {
            t.connect(user, password);
            t.sendMessage(m, new InternetAddress[] {new InternetAddress("bugs@bridge.test")});
            return "sent";
        } catch (jakarta.mail.AuthenticationFailedException e) {
            return "AuthenticationFailed";
        }
    }
}
