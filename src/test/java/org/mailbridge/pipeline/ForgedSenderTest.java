package org.mailbridge.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.Config;
import org.mailbridge.config.ConfigLoader;
import org.mailbridge.spi.TrustVerdict;
import org.mailbridge.spool.Envelope;
import org.mailbridge.testing.FixedClock;

/**
 * Issue 9, F6: forged senders were trusted. An encoded-word From was decoded and then matched;
 * a Return-Path header or a {@code From } line inside the message stood in for the envelope
 * sender; a Koji mail with a forged {@code From: koji@fedoraproject.org} was published as trusted.
 * The Koji rule file as shipped decides here.
 */
class ForgedSenderTest {
    @TempDir
    Path dir;

    private TrustVerdict verdict(String extraToml, String sender, String mail) throws Exception {
        Config c = ConfigLoader.parse("spool = \"" + dir.resolve("spool") + "\"\nrules_dirs = [\""
                + Path.of("parsers").toAbsolutePath() + "\"]\n" + extraToml, dir.resolve("c.toml"), Map.of());
        Path file = java.nio.file.Files.write(dir.resolve("mail.eml"), mail.getBytes(StandardCharsets.UTF_8));
        // What deliver --sender records beside the message (the spool's env/ record).
        java.util.Optional<Envelope> envelope = sender == null ? java.util.Optional.empty()
                : java.util.Optional.of(new Envelope("deliver", sender, java.util.List.of(), null, null, null));
        Interpretation in = Interpreters.create(c, FixedClock.CLOCK).interpret(file, envelope, s -> { });
        assertThat(in).as("the koji rule claims it").isInstanceOf(Interpretation.Publishable.class);
        return ((Interpretation.Publishable) in).trust();
    }

    private static String koji(String from, String extraHeaders) {
        return "From: " + from + "\n" + extraHeaders
                + "To: bridge@example.org\nSubject: Package: foo-1.0-1.fc40 Tag: f40-updates-candidate Status: complete"
                + " Built by: alice\nDate: Sat, 28 Nov 2026 10:00:00 +0000\nMessage-ID: <k1@koji.example>\n\n"
                + "Package: foo-1.0-1.fc40\nStatus: complete\nID: 123\n";
    }

    @Test
    void theGenuineKojiMailIsTrusted() throws Exception {
        assertThat(verdict("", "buildsys@fedoraproject.org", koji("Fedora Koji <buildsys@fedoraproject.org>", ""))
                .trusted()).isTrue();
        assertThat(verdict("", "bounces@mta.fedoraproject.org", koji("buildsys@fedoraproject.org", "")).trusted())
                .as("a bounce address of a subdomain").isTrue();
        assertThat(verdict("", null, koji("buildsys@fedoraproject.org", "")).trusted())
                .as("no envelope given: the From is all there is").isTrue();
    }

    @Test
    void aForgedKojiFromOverAForeignEnvelopeIsUntrusted() throws Exception {
        TrustVerdict v = verdict("", "attacker@evil.example", koji("koji@fedoraproject.org", ""));
        assertThat(v.trusted()).isFalse();
        assertThat(v.why()).contains("envelope sender attacker@evil.example");
    }

    @Test
    void anEncodedWordFromIsUntrusted() throws Exception {
        assertThat(verdict("", null, koji("=?utf-8?Q?koji=40fedoraproject=2Eorg?=", "")).trusted()).isFalse();
    }

    @Test
    void aReturnPathOrAFromLineInsideTheMessageIsNotAnEnvelope() throws Exception {
        assertThat(verdict("", null, koji("attacker@evil.example", "Return-Path: <koji@fedoraproject.org>\n")).trusted())
                .isFalse();
        assertThat(verdict("", null, "From koji@fedoraproject.org Sat Nov 28 10:00:00 2026\n"
                + koji("attacker@evil.example", "")).trusted()).isFalse();
    }

    @Test
    void anAuthenticationResultsRequirementBelievesOnlyTheSitesOwnMta() throws Exception {
        String trust = "[trust]\nauthserv_id = \"mx.example.org\"\n";
        String genuine = "buildsys@fedoraproject.org";
        assertThat(verdict(trust, genuine, koji(genuine, "")).why()).contains("no Authentication-Results");
        assertThat(verdict(trust, genuine, koji(genuine,
                "Authentication-Results: evil.example; dkim=pass header.d=fedoraproject.org\n")).trusted())
                .as("another authserv-id is anyone's word").isFalse();
        assertThat(verdict(trust, genuine, koji(genuine,
                "Authentication-Results: mx.example.org; dkim=fail header.d=fedoraproject.org; spf=softfail\n")).trusted())
                .isFalse();
        assertThat(verdict(trust, genuine, koji(genuine,
                "Authentication-Results: mx.example.org (postfix 3.7);\n dkim=pass (2048-bit key) header.d=fedoraproject.org"
                + " header.s=default;\n spf=none\n")).trusted()).isTrue();
        assertThat(verdict(trust, genuine, koji(genuine,
                "Authentication-Results: mx.example.org 1; spf=pass smtp.mailfrom=buildsys@fedoraproject.org\n")).trusted())
                .isTrue();
        assertThat(verdict(trust, genuine, koji(genuine,
                "Authentication-Results: mx.example.org; dkim=pass header.d=evil.example\n")).trusted())
                .as("a signature of another domain").isFalse();
    }
}
