package org.mailbridge.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.Limits;
import org.mailbridge.spi.Mail;
import org.mailbridge.spi.MailPart;
import org.mailbridge.testing.HostileMail;
import org.mailbridge.testing.TestMail;

/** Structure and text limits, checked while streaming (issue 9, F1 and F4). */
class MailLimitsTest {
    @TempDir
    Path dir;

    private static Mail read(Limits limits, byte[] raw) throws Exception {
        return new MailReader(limits).read(new ByteArrayInputStream(raw));
    }

    /** F1: 4,000 nested multiparts overflowed the stack in Mime4j; 50,000 exhausted the heap. */
    @Test
    void deepNestingIsMalformedBeforeTheParserRecursesIntoIt() {
        for (int levels : new int[] {4_000, 50_000}) {
            assertThatThrownBy(() -> read(Limits.DEFAULT, HostileMail.nested("deep", levels)))
                    .isInstanceOf(MalformedMailException.class)
                    .hasMessageContaining("limits.max_depth")
                    .satisfies(e -> assertThat(((MalformedMailException) e).reason().code()).isEqualTo("malformed"));
        }
    }

    @Test
    void nestingWithinTheLimitIsRead() throws Exception {
        Mail m = read(Limits.DEFAULT, HostileMail.nested("ok", Limits.DEFAULT_DEPTH - 1));
        assertThat(m.text()).isEqualTo("hi");
    }

    @Test
    void tooManyPartsAreMalformed() throws Exception {
        Limits l = new Limits(25L << 20, 1000, 256 << 10, 1 << 20, 32, 100, 1 << 20, 8 << 20);
        assertThat(read(l, HostileMail.manyParts("p", 100)).parts()).hasSize(100);
        assertThatThrownBy(() -> read(l, HostileMail.manyParts("p", 101))).isInstanceOf(MalformedMailException.class)
                .hasMessageContaining("limits.max_parts");
    }

    @Test
    void textOverThePartCapIsCutAtALineEndAndMarked() throws Exception {
        Limits l = new Limits(25L << 20, 1000, 256 << 10, 1 << 20, 32, 100, 1000, 8 << 20);
        String body = "line of twenty bytes\n".repeat(100);
        Mail m = read(l, TestMail.plain("cap").body(body).bytes());
        MailPart p = m.parts().get(0);
        assertThat(p.truncated()).isTrue();
        assertThat(p.text()).endsWith("\n").hasSizeLessThanOrEqualTo(1000).hasSizeGreaterThan(900);
        assertThat(body).startsWith(p.text());
        assertThat(p.size()).isEqualTo(body.length());
    }

    @Test
    void theMailCapBoundsAllTextPartsTogether() throws Exception {
        Limits l = new Limits(25L << 20, 1000, 256 << 10, 1 << 20, 32, 100, 1 << 20, 2000);
        Mail m = read(l, multipartOf(10, "x".repeat(400) + "\n"));
        long kept = m.parts().stream().mapToLong(p -> p.text().length()).sum();
        assertThat(kept).isLessThanOrEqualTo(2000);
        assertThat(m.parts()).hasSize(10).anySatisfy(p -> assertThat(p.truncated()).isTrue());
    }

    /** F4: a 24 MiB text mail ran out of memory at -Xmx64m; the parts are now capped while streaming. */
    @Test
    void aHugeBodyKeepsOnlyTheCappedText() throws Exception {
        Path f = dir.resolve("huge.eml");
        HostileMail.hugeText(f, "huge", 24L << 20);
        Mail m = new MailReader(Limits.DEFAULT).read(f);
        assertThat(m.parts().get(0).truncated()).isTrue();
        assertThat(m.parts().get(0).text().length()).isLessThanOrEqualTo(Limits.DEFAULT_PART_TEXT);
        assertThat(m.parts().get(0).size()).isGreaterThanOrEqualTo(24L << 20);
    }

    private static byte[] multipartOf(int parts, String text) {
        StringBuilder sb = new StringBuilder("From: a@example.org\nSubject: s\nContent-Type: multipart/mixed; boundary=\"q\"\n\n");
        for (int i = 0; i < parts; i++) {
            sb.append("--q\nContent-Type: text/plain\n\n").append(text);
        }
        return sb.append("--q--\n").toString().getBytes(StandardCharsets.US_ASCII);
    }
}
