package org.mailbridge.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.mailbridge.config.Limits;
import org.mailbridge.spi.Mail;
import org.mailbridge.testing.TestMail;

/** Reading hostile mail: limits hold, broken encodings degrade, nothing throws what it should not. */
class MailReaderTest {
    private static final Limits SMALL = new Limits(64 * 1024, 50, 2048, 4096);

    private static Mail read(Limits limits, String text) throws Exception {
        return new MailReader(limits).read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anOversizedMessageIsRefusedAsOversized() {
        String big = TestMail.plain("big").body(("y".repeat(99) + "\n").repeat(700)).text();
        assertThatThrownBy(() -> read(SMALL, big)).isInstanceOf(MalformedMailException.class)
                .satisfies(e -> assertThat(((MalformedMailException) e).reason().code()).isEqualTo("oversized"));
    }

    @Test
    void aLineOverTheLimitIsMalformed() {
        String longLine = TestMail.plain("line").body("z".repeat(5000) + "\n").text();
        assertThatThrownBy(() -> read(SMALL, longLine)).isInstanceOf(MalformedMailException.class)
                .satisfies(e -> assertThat(((MalformedMailException) e).reason().code()).isEqualTo("malformed"));
    }

    @Test
    void tooManyHeaderFieldsIsMalformed() {
        TestMail m = TestMail.plain("many");
        for (int i = 0; i < 60; i++) {
            m.header("X-Noise-" + i, "v");
        }
        assertThatThrownBy(() -> read(SMALL, m.text())).isInstanceOf(MalformedMailException.class);
    }

    @Test
    void anOverlongHeaderFieldIsMalformed() {
        String m = TestMail.plain("hdr").header("X-Long", "a".repeat(3000)).text();
        assertThatThrownBy(() -> read(SMALL, m)).isInstanceOf(MalformedMailException.class);
    }

    @Test
    void brokenQuotedPrintableAndBase64DecodeLeniently() throws Exception {
        Mail m = read(Limits.DEFAULT, """
                From: a@example.org
                Subject: broken
                Content-Type: multipart/mixed; boundary=XX

                --XX
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: quoted-printable

                caf=C3=A9 =ZZ broken =
                --XX
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: base64

                aGVsbG8gd29ybGQ*!!
                --XX--
                """);
        assertThat(m.parts()).hasSize(2);
        assertThat(m.parts().get(0).text()).startsWith("café ").contains("broken");
        assertThat(m.parts().get(1).text()).as("the complete quanta before the junk").isEqualTo("hello wor");
    }

    @Test
    void anUnknownCharsetFallsBackAndATruncatedMultipartStillReads() throws Exception {
        Mail m = read(Limits.DEFAULT, """
                From: a@example.org
                Subject: =?x-unknown?Q?odd?= and =?utf-8?B?w6k=?=
                Content-Type: multipart/alternative; boundary=YY

                --YY
                Content-Type: text/plain; charset=x-no-such-charset

                plain text
                --YY
                Content-Type: text/html; charset=utf-8

                <p>cut off before the closing bound""");
        assertThat(m.subject()).contains("é");
        assertThat(m.text()).isEqualTo("plain text");
        assertThat(m.html()).hasValueSatisfying(h -> assertThat(h).contains("cut off"));
    }

    @Test
    void noHeadersAtAllIsMalformed() {
        assertThatThrownBy(() -> read(Limits.DEFAULT, "\n\njust a body\n")).isInstanceOf(MalformedMailException.class);
    }

    /** Issue 9, F6: a Return-Path or a From line inside the message made a forged From trusted. */
    @Test
    void theMessageItselfNeverNamesTheEnvelopeSender() throws Exception {
        Mail mbox = read(Limits.DEFAULT, "From koji@fedoraproject.org Sat Nov 28 10:00:00 2026\n" + TestMail.plain("m").text());
        assertThat(mbox.envelopeSender()).as("a From line may be the sender's own").isEmpty();
        assertThat(mbox.header("From")).contains("Sender <sender@example.org>");
        Mail rp = read(Limits.DEFAULT, TestMail.plain("r").header("Return-Path", "<rp@example.org>").text());
        assertThat(rp.envelopeSender()).as("Return-Path is a header the sender writes").isEmpty();
    }

    /** Issue 9, F6: From: =?utf-8?Q?bugzilla=40redhat=2Ecom?= was decoded, then matched as an address. */
    @Test
    void anEncodedWordIsNeverAnAddress() throws Exception {
        Mail m = read(Limits.DEFAULT, TestMail.plain("q").text()
                .replace("From: Sender <sender@example.org>", "From: =?utf-8?Q?bugzilla=40redhat=2Ecom?="));
        assertThat(m.from()).isEmpty();
        assertThat(m.header("From")).contains("bugzilla@redhat.com");
        Mail named = read(Limits.DEFAULT, TestMail.plain("n").text()
                .replace("From: Sender <sender@example.org>", "From: =?utf-8?Q?bugzilla=40redhat=2Ecom?= <evil@example.net>"));
        assertThat(named.from()).hasValueSatisfying(a -> assertThat(a.email()).isEqualTo("evil@example.net"));
    }

    @Test
    void foldedAndEncodedHeadersAreUnfoldedAndDecoded() throws Exception {
        Mail m = read(Limits.DEFAULT, """
                From: =?ISO-8859-1?Q?Andr=E9?= <andre@example.org>
                To: a@example.org,
                 "B, the second" <b@example.org>
                Subject: a subject that
                  is folded
                Date: Mon, 2 Nov 2026 09:05:00 -0500 (EST)

                body
                """);
        assertThat(m.from()).hasValueSatisfying(f -> assertThat(f.name()).isEqualTo("André"));
        assertThat(m.addresses("To")).extracting(a -> a.email()).containsExactly("a@example.org", "b@example.org");
        assertThat(m.subject()).isEqualTo("a subject that  is folded");
        assertThat(m.date()).hasValueSatisfying(d -> assertThat(d.toEpochSecond()).isEqualTo(1793628300L));
    }

    @Test
    void anAttachmentCostsNoTextAndKeepsItsName() throws Exception {
        Mail m = read(Limits.DEFAULT, """
                From: a@example.org
                Content-Type: multipart/mixed; boundary=ZZ

                --ZZ
                Content-Type: text/plain

                see attached
                --ZZ
                Content-Type: application/octet-stream; name="core.bin"
                Content-Disposition: attachment; filename="core.bin"
                Content-Transfer-Encoding: base64

                AAECAwQF
                --ZZ--
                """);
        assertThat(m.parts()).hasSize(2);
        assertThat(m.parts().get(1).filename()).isEqualTo("core.bin");
        assertThat(m.parts().get(1).text()).isEmpty();
        assertThat(m.parts().get(1).size()).isEqualTo(6);
    }

    @Test
    void withoutMessageIdTheKeyIsAContentHashThatIgnoresTraceHeaders() throws Exception {
        String base = "From: a@example.org\nSubject: s\nDate: Mon, 2 Nov 2026 09:05:00 +0000\n\nbody\n";
        Mail one = read(Limits.DEFAULT, base);
        Mail two = read(Limits.DEFAULT, "Received: from x by y\n" + base);
        Mail other = read(Limits.DEFAULT, base.replace("body", "other body"));
        assertThat(one.contentKey()).startsWith("sha256:").isEqualTo(two.contentKey()).isNotEqualTo(other.contentKey());
    }
}
