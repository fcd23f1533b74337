package org.mailbridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.Config;
import org.mailbridge.config.Domain;
import org.mailbridge.consume.EventConsumer;
import org.mailbridge.event.Event;
import org.mailbridge.spool.Spool;
import org.mailbridge.status.SpoolReport;
import org.mailbridge.testing.CliProcess;
import org.mailbridge.testing.TcpProxy;
import org.mailbridge.testing.TestBroker;
import org.mailbridge.testing.TestConfigs;
import org.mailbridge.testing.TestMail;

/** Brokers go away. Mail must wait in the spool, then go out, and never be quarantined for it. */
class BrokerOutageTest {
    @TempDir
    Path dir;

    @Test
    void mailWaitsWhileTheBrokerIsDownAtStartThenGoesOutWhenItComesUp() throws Exception {
        Path spool = dir.resolve("spool");
        try (TcpProxy down = TcpProxy.onFreePort()) {
            Config config = TestConfigs.write(dir, TestConfigs.toml(spool, "amqp://127.0.0.1:" + down.port()));
            Domain direct = domainOf(config, TestBroker.get().url());
            outageAtStart(config, spool, direct, down);
        }
        assertThat(EndToEndTest.list(spool.resolve("quarantine"))).isEmpty();
    }

    /** The daemon starts with its broker down ({@code down} hangs up), then the broker comes up. */
    private void outageAtStart(Config config, Path spool, Domain direct, TcpProxy down) throws Exception {
        try (RunningDaemon d = RunningDaemon.start(config)) {
            for (int i = 0; i < 3; i++) {
                CliProcess.Result r = CliProcess.run(List.of("deliver", "--conf", dir.resolve("config.toml").toString()),
                        TestMail.plain("outage-" + i).bytes(), Map.of());
                assertThat(r.exit()).as(r.stderr()).isZero();
            }
            // "Not connected" alone would also hold for a daemon that never tried: count its attempts.
            int before = waitForAttempts(down, 1);
            assertThat(waitForAttempts(down, before + 1)).as("the daemon retries while the broker is down")
                    .isGreaterThan(before);
            assertThat(EndToEndTest.list(spool.resolve("new"))).hasSize(3);
            assertThat(EndToEndTest.list(spool.resolve("quarantine"))).isEmpty();
            SpoolReport report = SpoolReport.of(new Spool(spool), config.status(), Clock.systemUTC());
            assertThat(report.problems()).contains("domain main is not connected");

            try (EventConsumer consumer = EventConsumer.open(direct, List.of("org.fedoraproject.#"), Duration.ofSeconds(10))) {
                down.forwardTo(TestBroker.get().port());
                assertThat(nextSubjects(consumer, 3, "after the broker came up")).containsExactlyInAnyOrder("test outage-0", "test outage-1", "test outage-2");
                assertThat(EndToEndTest.waitForEmpty(spool.resolve("new"))).isTrue();
            }
        }
    }

    /** The subjects of the next {@code n} events, each within 20 s. */
    private static Set<String> nextSubjects(EventConsumer consumer, int n, String when) throws Exception {
        Set<String> subjects = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Optional<Event> e = consumer.next(Duration.ofSeconds(20));
            assertThat(e).as("event %d %s", i, when).isPresent();
            subjects.add(String.valueOf(e.get().body().get("subject")));
        }
        return subjects;
    }

    /** Waits up to 30 s for {@code down} to have accepted at least {@code n} connections; the count. */
    private static int waitForAttempts(TcpProxy down, int n) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (down.accepted() < n && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        return down.accepted();
    }

    @Test
    void aConnectionLostBetweenMailsIsRetriedAndNothingIsLost() throws Exception {
        Path spool = dir.resolve("spool");
        Path conf = dir.resolve("config.toml");
        try (TcpProxy proxy = TcpProxy.onFreePort()) {
            Config config = TestConfigs.write(dir, TestConfigs.toml(spool, "amqp://127.0.0.1:" + proxy.port()));
            proxy.forwardTo(TestBroker.get().port());
            connectionLostBetweenMails(config, spool, conf, proxy);
        }
    }

    private void connectionLostBetweenMails(Config config, Path spool, Path conf, TcpProxy proxy) throws Exception {
        try (EventConsumer consumer = EventConsumer.open(domainOf(config, TestBroker.get().url()),
                List.of("org.fedoraproject.#"), Duration.ofSeconds(10));
             RunningDaemon d = RunningDaemon.start(config)) {
            assertThat(CliProcess.run(List.of("deliver", "--conf", conf.toString()), TestMail.plain("before").bytes(),
                    Map.of()).exit()).isZero();
            assertThat(consumer.next(Duration.ofSeconds(20))).isPresent();
            // The consumer can see the event before the daemon has its confirm; cutting the link in
            // that gap rightly puts "before" back in new/ for a retry. Wait until it is settled.
            assertThat(EndToEndTest.waitForEmpty(spool.resolve("new"))).isTrue();
            assertThat(EndToEndTest.waitForEmpty(spool.resolve("cur"))).isTrue();
            proxy.cut(); // the broker vanishes under an open connection
            for (String id : List.of("during-1", "during-2")) {
                assertThat(CliProcess.run(List.of("deliver", "--conf", conf.toString()), TestMail.plain(id).bytes(),
                        Map.of()).exit()).isZero();
            }
            Thread.sleep(1500);
            // Waiting, or in hand for a retry: either way still in the spool, and not quarantined.
            List<Path> held = new java.util.ArrayList<>(EndToEndTest.list(spool.resolve("new")));
            held.addAll(EndToEndTest.list(spool.resolve("cur")));
            assertThat(held).hasSize(2);
            assertThat(EndToEndTest.list(spool.resolve("quarantine"))).isEmpty();
            proxy.forwardTo(TestBroker.get().port());
            assertThat(nextSubjects(consumer, 2, "after reconnecting")).containsExactlyInAnyOrder("test during-1", "test during-2");
        }
    }

    /**
     * Mail waiting at start-up goes out as soon as the broker answers: the claimer is woken by
     * the first probe that gets through instead of sleeping a whole probe interval first.
     */
    @Test
    void mailWaitingAtStartGoesOutOnTheFirstProbeNotAProbeIntervalLater() throws Exception {
        Path spool = dir.resolve("spool");
        String toml = TestConfigs.toml(spool, TestBroker.get().url()).replace("[daemon]\n", "[daemon]\nprobe_interval = \"60s\"\n");
        Config config = TestConfigs.write(dir, toml);
        Files.createDirectories(spool.resolve("new"));
        Files.write(spool.resolve("new").resolve("1000000000.M1P1Q1R1.test"), TestMail.plain("at-start").bytes());
        Domain direct = domainOf(config, TestBroker.get().url());
        try (EventConsumer consumer = EventConsumer.open(direct, List.of("org.fedoraproject.#"), Duration.ofSeconds(10));
             RunningDaemon d = RunningDaemon.start(config)) {
            Optional<Event> e = consumer.next(Duration.ofSeconds(15));
            assertThat(e).as("published well within the 60 s probe interval").isPresent();
            assertThat(e.get().body().get("subject")).isEqualTo("test at-start");
        }
    }

    @Test
    void aRestartedDaemonPublishesWhatItFindsInNewAndWhatACrashLeftInCur() throws Exception {
        Path spool = dir.resolve("spool");
        Config config = TestConfigs.write(dir, TestConfigs.toml(spool, TestBroker.get().url()));
        Files.createDirectories(spool.resolve("new"));
        Files.createDirectories(spool.resolve("cur"));
        for (int i = 0; i < 3; i++) {
            Files.write(spool.resolve("new").resolve("100000000" + i + ".M1P1Q1R1.test"), TestMail.plain("waiting-" + i).bytes());
        }
        for (int i = 0; i < 2; i++) {
            Files.write(spool.resolve("cur").resolve("100000001" + i + ".M1P1Q1R1.test"), TestMail.plain("crashed-" + i).bytes());
        }
        Domain direct = domainOf(config, TestBroker.get().url());
        try (EventConsumer consumer = EventConsumer.open(direct, List.of("org.fedoraproject.#"), Duration.ofSeconds(10));
             RunningDaemon d = RunningDaemon.start(config)) {
            Set<String> subjects = new HashSet<>();
            for (int i = 0; i < 5; i++) {
                Optional<Event> e = consumer.next(Duration.ofSeconds(20));
                assertThat(e).as("event %d", i).isPresent();
                subjects.add(String.valueOf(e.get().body().get("subject")));
            }
            assertThat(subjects).containsExactlyInAnyOrder("test waiting-0", "test waiting-1", "test waiting-2",
                    "test crashed-0", "test crashed-1");
            assertThat(EndToEndTest.waitForEmpty(spool.resolve("new"))).isTrue();
        }
        assertThat(EndToEndTest.list(spool.resolve("cur"))).isEmpty();
    }

    @Test
    void aSecondDaemonOnTheSameSpoolIsRefused() throws Exception {
        Path spool = dir.resolve("spool");
        Config config = TestConfigs.write(dir, TestConfigs.toml(spool, TestBroker.get().url()));
        try (RunningDaemon d = RunningDaemon.start(config)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Daemon.start(config, Clock.systemUTC()))
                    .isInstanceOf(DaemonException.class).hasMessageContaining("another daemon");
        }
    }

    static Domain domainOf(Config config, String url) {
        return config.domains().get(0).withUrl(url);
    }
}
