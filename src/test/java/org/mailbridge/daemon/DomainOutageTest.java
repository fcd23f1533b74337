package org.mailbridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.Config;
import org.mailbridge.consume.EventConsumer;
import org.mailbridge.status.DaemonState;
import org.mailbridge.status.StateFile;
import org.mailbridge.testing.RefusingPort;
import org.mailbridge.testing.TcpProxy;
import org.mailbridge.testing.TestBroker;
import org.mailbridge.testing.TestConfigs;
import org.mailbridge.testing.TestMail;

/**
 * Per-domain back-off: with one security domain's broker down, the mail routed to another domain
 * keeps flowing; the down domain's mail waits in {@code new/} (never quarantined), status shows
 * the domain down with its backlog, and the mail goes out once the broker is back.
 */
class DomainOutageTest {
    private static final List<String> BUGZILLA = List.of("rh-closed-duplicate.eml", "rh-comment-only-public.eml",
            "rh-attachment-created.eml");

    @TempDir
    Path dir;

    private static String toml(Path spool, String mainUrl, int otherPort) {
        return """
                spool = "%s"
                unclaimed = "publish"
                rules_dirs = []

                [daemon]
                poll_interval = "200ms"
                retry_min = "200ms"
                retry_max = "1s"
                probe_interval = "200ms"
                publish_timeout = "10s"

                [domains.main]
                url = "%s"
                broker = "qpid-broker-j"
                default = true

                [domains.other]
                url = "amqp://127.0.0.1:%d"
                broker = "qpid-broker-j"
                topics = ["mail.received"]
                """.formatted(spool, mainUrl, otherPort);
    }

    @Test
    void aDownDomainHoldsOnlyItsOwnMail() throws Exception {
        Path spool = dir.resolve("spool");
        RefusingPort down = new RefusingPort();
        int otherPort = down.port();
        Config config = TestConfigs.write(dir, toml(spool, TestBroker.get().url(), otherPort));
        int n = 0;
        // Interleaved: mail for the down domain comes first and between the others.
        for (int i = 0; i < 5; i++) {
            SpoolFiles.put(spool, "new", n++, TestMail.plain("other-" + i).bytes());
            if (i < BUGZILLA.size()) {
                SpoolFiles.put(spool, "new", n++, Files.readAllBytes(Path.of("src/test/resources/mail/bugzilla", BUGZILLA.get(i))));
            }
        }
        try (EventConsumer consumer = EventConsumer.open(config.domains().get(0).withUrl(TestBroker.get().url()),
                List.of("org.fedoraproject.#"), Duration.ofSeconds(10));
             RunningDaemon d = RunningDaemon.start(config)) {
            Set<String> topics = new java.util.HashSet<>();
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int bugs = 0;
            while (bugs < BUGZILLA.size() && System.nanoTime() < end) {
                var e = consumer.next(Duration.ofMillis(500));
                if (e.isPresent()) {
                    topics.add(e.get().topic());
                    bugs += e.get().topic().contains("bugzilla") ? 1 : 0;
                }
            }
            assertThat(bugs).as("the up domain's mail is all published").isEqualTo(BUGZILLA.size());
            assertThat(topics).noneMatch(t -> t.endsWith("mail.received"));
            // The down domain's five wait in new/ (or in hand), none quarantined. The consumer can
            // see an event before the daemon has its confirm and settles the mail, so the up
            // domain's three leave the spool a moment after they arrive: wait for them to go.
            assertThat(EndToEndTest.list(spool.resolve("quarantine"))).isEmpty();
            assertThat(awaitHeld(spool, 5)).as("mail held in new/ and cur/").isEqualTo(5);
            DaemonState s = awaitState(spool, st -> Boolean.FALSE.equals(st.domains().get("other"))
                    && st.backlog().getOrDefault("other", 0) == 5);
            assertThat(s.domains()).containsEntry("main", true).containsEntry("other", false);
            assertThat(s.domainStates()).containsEntry("main", "up").containsEntry("other", "down");
            assertThat(s.backlog()).containsEntry("other", 5);

            // The broker of the other domain comes back: its mail goes out, in order.
            down.close();
            try (TcpProxy back = TcpProxy.start(otherPort, TestBroker.get().port())) {
                List<String> subjects = new java.util.ArrayList<>();
                end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (subjects.size() < 5 && System.nanoTime() < end) {
                    consumer.next(Duration.ofMillis(500)).filter(e -> e.topic().endsWith("mail.received"))
                            .ifPresent(e -> subjects.add(String.valueOf(e.body().get("subject"))));
                }
                assertThat(subjects).containsExactly("test other-0", "test other-1", "test other-2", "test other-3",
                        "test other-4");
                assertThat(EndToEndTest.waitForEmpty(spool.resolve("new"))).isTrue();
            }
        }
        assertThat(EndToEndTest.list(spool.resolve("quarantine"))).isEmpty();
    }

    /** Polls until {@code new/} and {@code cur/} together hold {@code want} mails; returns the last count. */
    private static int awaitHeld(Path spool, int want) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int held;
        do {
            held = EndToEndTest.list(spool.resolve("new")).size() + EndToEndTest.list(spool.resolve("cur")).size();
            if (held == want) {
                return held;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < end);
        return held;
    }

    private static DaemonState awaitState(Path spool, java.util.function.Predicate<DaemonState> p) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        DaemonState last = null;
        while (System.nanoTime() < end) {
            last = new StateFile(spool).read().orElse(null);
            if (last != null && p.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("state never matched; last: " + last);
    }
}
