package org.mailbridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.Config;
import org.mailbridge.consume.EventConsumer;
import org.mailbridge.testing.CliProcess;
import org.mailbridge.testing.PluginJars;
import org.mailbridge.testing.TestBroker;
import org.mailbridge.testing.TestConfigs;
import org.mailbridge.testing.TestMail;

/**
 * The crash-loop breaker against real deaths of the daemon process: a kill -9 with a window of
 * good mail in hand, then a plugin that halts the JVM on one mail. Before the breaker counted
 * only deaths while a mail was worked on alone, the good mail claimed behind the killer, waiting
 * for its turn alone, was in {@code cur/} at its second death and was quarantined {@code crashed}
 * (the fault suite's kill -9 row set aside 9 good mails that way).
 */
class CrashLoopProcessTest {
    private static final int SLOW = 10;
    private static final int KILLER = 3;
    private static final int FIRST_GOOD = 11;
    private static final int LAST_GOOD = 20;

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killWhatIsLeft() throws InterruptedException {
        for (Process p : started) {
            p.destroyForcibly();
            p.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void onlyTheMailThatKillsTheDaemonIsQuarantinedWhateverElseWasInHandAtADeath() throws Exception {
        Path spool = dir.resolve("spool");
        Path hold = Files.writeString(dir.resolve("hold"), "");
        buildPlugin(spool.resolve("cur"), hold);
        Config config = TestConfigs.write(dir, "plugins_dir = \"" + dir.resolve("plugins") + "\"\n"
                + TestConfigs.toml(spool, TestBroker.get().url()) + "\n[limits]\nplugin_timeout = \"60s\"\n");
        Path conf = dir.resolve("config.toml");
        Set<String> good = new HashSet<>();
        SpoolFiles.put(spool, "new", SLOW, TestMail.plain("slow").bytes());
        good.add("test slow");
        for (int i = FIRST_GOOD; i <= LAST_GOOD; i++) {
            SpoolFiles.put(spool, "new", i, TestMail.plain("good-" + i).bytes());
            good.add("test good-" + i);
        }
        try (EventConsumer consumer = SpoolFiles.consumer(config, TestBroker.get().url())) {
            // First death, from outside: kill -9 while the slow mail holds the window, ten good mails claimed behind it.
            Process first = daemon(conf);
            awaitInCur(spool, first, SLOW, FIRST_GOOD, LAST_GOOD);
            first.destroyForcibly();
            assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
            Files.delete(hold);
            // A mail older than all of them comes in (a deliver that committed late): the killer.
            SpoolFiles.put(spool, "new", KILLER, TestMail.plain("killer").bytes());

            // Next: the killer goes in a batch, the slow mail (a suspect now) waits for it to drain
            // and is in cur/ when the killer halts the JVM; then the killer, worked on alone, halts it again.
            Set<String> seen = new HashSet<>();
            int deaths = 0;
            Process d = daemon(conf);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!seen.containsAll(good) && System.nanoTime() < deadline && onlyKillerQuarantined(spool)) {
                consumer.next(Duration.ofMillis(200)).ifPresent(ev -> seen.add(String.valueOf(ev.body().get("subject"))));
                if (!d.isAlive()) {
                    assertThat(d.exitValue()).as(this::log).isEqualTo(137); // halted by the plugin
                    deaths++;
                    assertThat(deaths).as("deaths before the killer is quarantined").isLessThanOrEqualTo(2);
                    d = daemon(conf);
                }
            }
            d.destroy();
            assertThat(d.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(seen).as(() -> "every good mail published; quarantined: " + quarantined(spool))
                    .containsAll(good).doesNotContain("test killer");
            assertThat(deaths).as(this::log).isEqualTo(2);
        }
        assertThat(quarantined(spool)).containsExactlyInAnyOrder(SpoolFiles.name(KILLER), SpoolFiles.name(KILLER) + ".reason");
        assertThat(SpoolFiles.reason(spool, KILLER)).isEqualTo("reason: crashed");
        assertThat(EndToEndTest.list(spool.resolve("new"))).isEmpty();
        assertThat(EndToEndTest.list(spool.resolve("cur"))).isEmpty();
        assertThat(EndToEndTest.list(spool.resolve("state/crashes"))).isEmpty();
        assertThat(spool.resolve("state/alone")).doesNotExist();
    }

    /**
     * A plugin that claims every test mail: {@code test slow} waits while {@code hold} exists;
     * {@code test killer} waits (a few seconds at most) for another mail to be claimed, then halts the JVM.
     */
    private void buildPlugin(Path cur, Path hold) throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        String body = """
                try {
                    if (mail.subject().equals("test slow")) {
                        while (java.nio.file.Files.exists(java.nio.file.Path.of("%s"))) {
                            Thread.sleep(20);
                        }
                    }
                    if (mail.subject().equals("test killer")) {
                        java.nio.file.Path cur = java.nio.file.Path.of("%s");
                        long until = System.nanoTime() + 3_000_000_000L;
                        while (System.nanoTime() < until) {
                            try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.list(cur)) {
                                if (s.count() > 1) {
                                    break;
                                }
                            }
                            Thread.sleep(20);
                        }
                        Runtime.getRuntime().halt(137);
                    }
                } catch (InterruptedException | java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                """.formatted(hold, cur);
        PluginJars.build(plugins.resolve("killer.jar"), Map.of("ex.Killer",
                PluginJars.parser("ex", "Killer", "killer", "test ", body)), List.of("ex.Killer"));
    }

    private static boolean onlyKillerQuarantined(Path spool) {
        return quarantined(spool).stream().allMatch(n -> n.startsWith(SpoolFiles.name(KILLER)));
    }

    private static List<String> quarantined(Path spool) {
        try {
            return EndToEndTest.list(spool.resolve("quarantine")).stream().map(p -> p.getFileName().toString()).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Process daemon(Path conf) throws IOException {
        Process p = CliProcess.start(List.of("daemon", "--conf", conf.toString()), Map.of());
        started.add(p);
        drain(p.getInputStream());
        drain(p.getErrorStream());
        return p;
    }

    /** What the daemons logged, for a failure's message. */
    private String log() {
        try {
            return Files.readString(dir.resolve("daemon.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Appends a stream of a daemon to {@code daemon.log} till its end, so that a full pipe never blocks it. */
    private void drain(InputStream in) {
        Path log = dir.resolve("daemon.log");
        Thread t = new Thread(() -> {
            try (in; java.io.OutputStream out = Files.newOutputStream(log, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND)) {
                in.transferTo(out);
            } catch (IOException e) {
                // the process is gone
            }
        });
        t.setDaemon(true);
        t.start();
    }

    private static void awaitInCur(Path spool, Process daemon, int slow, int from, int to) throws Exception {
        List<String> want = new ArrayList<>();
        want.add(SpoolFiles.name(slow));
        for (int i = from; i <= to; i++) {
            want.add(SpoolFiles.name(i));
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end && daemon.isAlive()) {
            List<String> cur = EndToEndTest.list(spool.resolve("cur")).stream().map(p -> p.getFileName().toString()).toList();
            if (cur.containsAll(want)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the daemon did not claim " + want + " (alive: " + daemon.isAlive() + ")");
    }
}
