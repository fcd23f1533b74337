package org.mailbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.testing.CliProcess;
import org.mailbridge.testing.HostileMail;

/**
 * Issue 9, F4 (and issue 11, bounded memory): a 24 MiB text mail ran the daemon out of memory at
 * {@code -Xmx64m}, and a 42 MB one did the same in {@code parse}; every part was buffered whole.
 * A 100 MiB mail, allowed by {@code limits.max_message_size}, is read in a 64 MiB heap.
 */
class BoundedMemoryTest {
    @TempDir
    Path dir;

    @Test
    void aHundredMebibyteMailIsParsedWithASixtyFourMebibyteHeap() throws Exception {
        Path mail = dir.resolve("huge.eml");
        HostileMail.hugeText(mail, "huge", 100L << 20);
        Path conf = dir.resolve("config.toml");
        Files.writeString(conf, "spool = \"" + dir.resolve("spool") + "\"\nunclaimed = \"publish\"\nrules_dirs = []\n"
                + "[limits]\nmax_message_size = \"128MiB\"\n");
        Process p = CliProcess.start(List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError"),
                List.of("parse", "--conf", conf.toString(), mail.toString()), Map.of());
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(err, StandardCharsets.UTF_8)).isZero();
        String json = new String(out, StandardCharsets.UTF_8);
        assertThat(json).contains("\"topic\":\"org.fedoraproject.prod.mail.received\"").contains("test huge");
        assertThat(json.length()).as("the event carries the capped text, not 100 MiB").isLessThan(16 << 20);
    }

    @Test
    void overTheSizeLimitParseRefusesItUnreadAsTheDaemonDoes() throws Exception {
        Path mail = dir.resolve("big.eml");
        HostileMail.hugeText(mail, "big", 2L << 20);
        Path conf = dir.resolve("config.toml");
        Files.writeString(conf, "spool = \"" + dir.resolve("spool") + "\"\nunclaimed = \"publish\"\nrules_dirs = []\n"
                + "[limits]\nmax_message_size = \"1MiB\"\n");
        CliProcess.Result r = CliProcess.run(List.of("parse", "--conf", conf.toString(), mail.toString()), null, Map.of());
        assertThat(r.exit()).isNotZero();
        assertThat(r.stdout() + r.stderr()).contains("oversized");
    }
}
