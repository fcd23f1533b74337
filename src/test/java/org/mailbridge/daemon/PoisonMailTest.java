package org.mailbridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.Config;
import org.mailbridge.consume.EventConsumer;
import org.mailbridge.spool.CrashLedger;
import org.mailbridge.spool.Spool;
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

    /**
     * The crash-loop breaker: a mail in hand at a death, then worked on alone at the next, is
     * quarantined at the start after that, named in the log.
     */
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
        // It killed that daemon too, worked on alone: claimed again, marked, and the process died with it in hand.
        killedWhileAlone(spool, 7);
        Daemon.start(config, Clock.systemUTC()).close();
        assertThat(SpoolFiles.reason(spool, 7)).isEqualTo("reason: crashed");
        assertThat(EndToEndTest.list(spool.resolve("new"))).isEmpty();
        assertThat(spool.resolve("state/crashes").resolve(SpoolFiles.name(7))).doesNotExist();
        assertThat(spool.resolve("state/alone")).doesNotExist();
    }

    /**
     * The fault suite's kill -9 row: a suspect claimed while the window drained before its turn
     * alone is not blamed for a death, whoever else was marked alone, and goes out in the end.
     */
    @Test
    void aSuspectInHandAtADeathBeforeItsTurnAloneIsNotBlamed() throws Exception {
        Path spool = dir.resolve("spool");
        Config config = TestConfigs.write(dir, TestConfigs.toml(spool, TestBroker.get().url()));
        SpoolFiles.put(spool, "cur", 7, TestMail.plain("suspect").bytes());
        Daemon.start(config, Clock.systemUTC()).close();
        assertThat(spool.resolve("state/crashes").resolve(SpoolFiles.name(7))).hasContent("1\n");
        // Second death: it was claimed, waiting for the window to drain, while another mail
        // (already settled by then, so gone from cur/) was the one marked alone.
        claimedAgain(spool, 7);
        new CrashLedger(new Spool(spool)).markAlone(SpoolFiles.name(3));
        Daemon.start(config, Clock.systemUTC()).close();
        assertThat(spool.resolve("new").resolve(SpoolFiles.name(7))).exists();
        assertThat(spool.resolve("quarantine").resolve(SpoolFiles.name(7))).doesNotExist();
        assertThat(spool.resolve("state/crashes").resolve(SpoolFiles.name(7))).hasContent("1\n");
        assertThat(spool.resolve("state/alone")).as("a mark naming a mail gone is removed").doesNotExist();
        // A third death in the same place, with no mark at all: still 1.
        claimedAgain(spool, 7);
        Daemon.start(config, Clock.systemUTC()).close();
        assertThat(spool.resolve("state/crashes").resolve(SpoolFiles.name(7))).hasContent("1\n");
        publishedAndForgiven(spool, config, Map.of(7, "test suspect"));
    }

    /** Good mail in the window at two deaths, none of it ever alone, goes back to new/ each time and out in the end. */
    @Test
    void goodMailInABatchAtTwoDeathsIsPublished() throws Exception {
        Path spool = dir.resolve("spool");
        Config config = TestConfigs.write(dir, TestConfigs.toml(spool, TestBroker.get().url()));
        Map<Integer, String> batch = new TreeMap<>();
        for (int i = 11; i <= 15; i++) {
            batch.put(i, "test batch-" + i);
            SpoolFiles.put(spool, "cur", i, TestMail.plain("batch-" + i).bytes());
        }
        for (int death = 1; death <= 2; death++) {
            Daemon.start(config, Clock.systemUTC()).close();
            for (int i : batch.keySet()) {
                assertThat(spool.resolve("new").resolve(SpoolFiles.name(i))).exists();
                assertThat(spool.resolve("state/crashes").resolve(SpoolFiles.name(i))).hasContent("1\n");
                if (death == 1) {
                    claimedAgain(spool, i); // in the window again at the next death
                }
            }
        }
        assertThat(EndToEndTest.list(spool.resolve("quarantine"))).isEmpty();
        publishedAndForgiven(spool, config, batch);
    }

    /** What the daemon does before it works on a suspect: claims it, then marks it alone (and dies here). */
    private static void killedWhileAlone(Path spool, int n) throws Exception {
        claimedAgain(spool, n);
        new CrashLedger(new Spool(spool)).markAlone(SpoolFiles.name(n));
    }

    /** Mail {@code n}, back in new/ after a start, claimed into cur/ again (and in hand at the next death). */
    private static void claimedAgain(Path spool, int n) throws Exception {
        Files.move(spool.resolve("new").resolve(SpoolFiles.name(n)), spool.resolve("cur").resolve(SpoolFiles.name(n)));
    }

    /** Runs a daemon over what waits: each of {@code mails} is published and its crash count forgotten. */
    private static void publishedAndForgiven(Path spool, Config config, Map<Integer, String> mails) throws Exception {
        try (EventConsumer consumer = SpoolFiles.consumer(config, TestBroker.get().url());
             RunningDaemon d = RunningDaemon.start(config)) {
            assertThat(SpoolFiles.subjects(consumer, mails.size(), Duration.ofSeconds(60)))
                    .containsExactlyInAnyOrderElementsOf(mails.values());
            assertThat(EndToEndTest.waitForEmpty(spool.resolve("new"))).isTrue();
        }
        for (int i : mails.keySet()) {
            assertThat(spool.resolve("state/crashes").resolve(SpoolFiles.name(i))).doesNotExist();
        }
        assertThat(EndToEndTest.list(spool.resolve("quarantine"))).isEmpty();
        assertThat(spool.resolve("state/alone")).doesNotExist();
    }

    @Test
    void aMailRecoveredOnceAndThenPublishedIsForgiven() throws Exception {
        Path spool = dir.resolve("spool");
        Config config = TestConfigs.write(dir, TestConfigs.toml(spool, TestBroker.get().url()));
        SpoolFiles.put(spool, "cur", 8, TestMail.plain("survivor").bytes());
        publishedAndForgiven(spool, config, Map.of(8, "test survivor"));
    }
}
