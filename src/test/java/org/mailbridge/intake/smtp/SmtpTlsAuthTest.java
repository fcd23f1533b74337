package org.mailbridge.intake.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.SmtpSettings;
import org.mailbridge.publish.TlsContexts;
import org.mailbridge.spool.Spool;
import org.mailbridge.testing.SmtpDialog;
import org.mailbridge.testing.TestCerts;

/** The listener with STARTTLS required and AUTH: refused before either, accepted after both. */
class SmtpTlsAuthTest {
    @TempDir
    Path dir;

    private SmtpIntake intake;

    @AfterEach
    void stop() {
        if (intake != null) {
            intake.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void mailNeedsStartTlsAndTheAccountFromThePasswordFile() throws Exception {
        TestCerts certs = TestCerts.create(dir.resolve("certs"));
        Path pw = Files.writeString(dir.resolve("smtp.pass"), "s3cret\n");
        SmtpSettings s = new SmtpSettings(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "bridge.test",
                List.of(), 1 << 20, 20, 10, 50, 100, Duration.ofSeconds(30),
                Optional.of(new SmtpSettings.TlsFiles(certs.cert(), certs.key())), true,
                Optional.of(new SmtpSettings.Account("relay", pw)));
        Spool spool = new Spool(dir.resolve("spool"));
        spool.ensureLayout();
        intake = new SmtpIntake(s, spool);
        intake.start();

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
