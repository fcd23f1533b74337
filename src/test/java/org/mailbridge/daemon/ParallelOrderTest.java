package org.mailbridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.Config;
import org.mailbridge.consume.EventConsumer;
import org.mailbridge.testing.TestBroker;
import org.mailbridge.testing.TestConfigs;
import org.mailbridge.testing.TestMail;

/**
 * Events keep their spool order on the wire although mails are parsed in parallel: every fifth
 * mail is large and takes far longer to read than the small ones behind it, which the workers
 * finish first; the sequencer still hands them to the broker in spool order.
 */
class ParallelOrderTest {
    private static final int MAILS = 120;

    @TempDir
    Path dir;

    @Test
    void spoolOrderHoldsUnderParallelParsing() throws Exception {
        Path spool = dir.resolve("spool");
        String toml = TestConfigs.toml(spool, TestBroker.get().url()).replace("[daemon]\n",
                "[daemon]\nworkers = 4\nwindow = 64\n");
        Config config = TestConfigs.write(dir, toml);
        String big = "All work and no play makes a long mail.\n".repeat(60_000); // 2.4 MB
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < MAILS; i++) {
            TestMail m = TestMail.plain("order-" + i);
            if (i % 5 == 0) {
                m.body(big);
            }
            SpoolFiles.put(spool, "new", i, m.bytes());
            expected.add("test order-" + i);
        }
        List<String> got = new ArrayList<>();
        try (EventConsumer consumer = SpoolFiles.consumer(config, TestBroker.get().url());
             RunningDaemon d = RunningDaemon.start(config)) {
            long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (got.size() < MAILS && System.nanoTime() < end) {
                consumer.next(Duration.ofMillis(500)).ifPresent(e -> got.add(String.valueOf(e.body().get("subject"))));
            }
        }
        assertThat(got).containsExactlyElementsOf(expected);
    }
}
