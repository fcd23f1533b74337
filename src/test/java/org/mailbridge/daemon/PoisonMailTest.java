package org.mailbridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.Config;
import org.mailbridge.consume.EventConsumer;
import org.mailbridge.testing.HostileMail;
import org.mailbridge.testing.TestBroker;
import org.mailbridge.testing.TestConfigs;
import org.mailbridge.testing.TestMail;

/**
 * Issue 9, F1: one mail of 4,000 nested multiparts killed the daemon with a StackOverflowError
 * at every start, and none of the 20 mails behind it went out.
 */
class PoisonMailTest {
    private static final int BEHIND = 20;

    @TempDir
    Path dir;

    @Test
    void theDeepMailIsQuarantinedAndTheTwentyBehindItArePublished() throws Exception {
        Path spool = dir.resolve("spool");
        Config config = TestConfigs.write(dir, TestConfigs.toml(spool, TestBroker.get().url()));
        runPoisonThenTwenty(spool, config, HostileMail.nested("poison", 4_000), "reason: malformed");
    }

    /**
     * With the depth limit lifted, Mime4j does overflow its stack: the error is caught, the mail
     * quarantined as {@code crashed}, and the daemon goes on.
     */
    @Test
    void aStackOverflowInTheReaderQuarantinesTheMailNotTheDaemon() throws Exception {
        Path spool = dir.resolve("spool");
        Config config = TestConfigs.write(dir, TestConfigs.toml(spool, TestBroker.get().url())
                + "\n[limits]\nmax_depth = 1000000\nmax_parts = 1000000\n");
        runPoisonThenTwenty(spool, config, HostileMail.nested("poison", 6_000), "reason: crashed");
        assertThat(Files.readString(spool.resolve("quarantine").resolve(SpoolFiles.name(0) + ".reason")))
                .contains("StackOverflowError");
    }

    private void runPoisonThenTwenty(Path spool, Config config, byte[] poison, String reason) throws Exception {
        SpoolFiles.put(spool, "new", 0, poison);
        for (int i = 1; i <= BEHIND; i++) {
            SpoolFiles.put(spool, "new", i, TestMail.plain("behind-" + i).bytes());
        }
        try (EventConsumer consumer = SpoolFiles.consumer(config, TestBroker.get().url());
             RunningDaemon d = RunningDaemon.start(config)) {
            Set<String> subjects = SpoolFiles.subjects(consumer, BEHIND, Duration.ofSeconds(180));
            assertThat(subjects).hasSize(BEHIND).contains("test behind-1", "test behind-" + BEHIND);
            assertThat(EndToEndTest.waitForEmpty(spool.resolve("new"))).isTrue();
        }
        assertThat(SpoolFiles.reason(spool, 0)).isEqualTo(reason);
        assertThat(EndToEndTest.list(spool.resolve("cur"))).isEmpty();
    }

    /** The crash-loop breaker: a mail in hand at two deaths is quarantined at the next start, named in the log. */
    @Test
    void aMailInHandAtTwoCrashesIsQuarantinedAsCrashed() throws Exception {
        Path spool = dir.resolve("spool");
        Config config = TestConfigs.write(dir, TestConfigs.toml(spool, TestBroker.get().url()));
        byte[] mail = TestMail.plain("killer").bytes();
        // First death: the daemon had it claimed in cur/. The next start counts it and retries it.
        SpoolFiles.put(spool, "cur", 7, mail);
        Daemon.start(config, Clock.systemUTC()).close();
        assertThat(spool.resolve("new").resolve(SpoolFiles.name(7))).exists();
        assertThat(spool.resolve("state/crashes").resolve(SpoolFiles.name(7))).hasContent("1\n");
        // It killed that daemon too: claimed again, and the process died with it in hand.
        Files.move(spool.resolve("new").resolve(SpoolFiles.name(7)), spool.resolve("cur").resolve(SpoolFiles.name(7)));
        Daemon.start(config, Clock.systemUTC()).close();
        assertThat(SpoolFiles.reason(spool, 7)).isEqualTo("reason: crashed");
        assertThat(EndToEndTest.list(spool.resolve("new"))).isEmpty();
        assertThat(spool.resolve("state/crashes").resolve(SpoolFiles.name(7))).doesNotExist();
    }

    @Test
    void aMailRecoveredOnceAndThenPublishedIsForgiven() throws Exception {
        Path spool = dir.resolve("spool");
        Config config = TestConfigs.write(dir, TestConfigs.toml(spool, TestBroker.get().url()));
        SpoolFiles.put(spool, "cur", 8, TestMail.plain("survivor").bytes());
        try (EventConsumer consumer = SpoolFiles.consumer(config, TestBroker.get().url());
             RunningDaemon d = RunningDaemon.start(config)) {
            assertThat(SpoolFiles.subjects(consumer, 1, Duration.ofSeconds(30))).containsExactly("test survivor");
            assertThat(EndToEndTest.waitForEmpty(spool.resolve("new"))).isTrue();
        }
        assertThat(spool.resolve("state/crashes").resolve(SpoolFiles.name(8))).doesNotExist();
    }
}
