package org.mailbridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.BrokerKind;
import org.mailbridge.config.Domain;
import org.mailbridge.consume.EventConsumer;
import org.mailbridge.event.Event;
import org.mailbridge.testing.CliProcess;
import org.mailbridge.testing.TestMail;

/** The daemon as systemd runs it: a process with no domains configured, stopped with SIGTERM. */
class DaemonProcessTest {
    @TempDir
    Path dir;

    @Test
    void withoutDomainsItRunsTheEmbeddedBrokerSaysWhereAndStopsCleanlyOnSigterm() throws Exception {
        // Port 0: the broker binds a free port itself and the log says which. A port found free
        // beforehand and let go could be taken by another process before the daemon binds it.
        Path conf = Files.writeString(dir.resolve("c.toml"), """
                spool = "%s"
                unclaimed = "publish"
                rules_dirs = []
                [embedded_broker]
                port = 0
                work_dir = "%s"
                """.formatted(dir.resolve("spool"), dir.resolve("broker")));
        Process daemon = CliProcess.start(List.of("daemon", "--conf", conf.toString()), Map.of());
        List<String> log = new ArrayList<>();
        BufferedReader err = new BufferedReader(new InputStreamReader(daemon.getErrorStream(), StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = err.readLine()) != null && !line.contains("daemon started")) {
                log.add(line);
            }
            java.util.regex.Matcher listening = java.util.regex.Pattern
                    .compile("msg=\"embedded broker listening\" url=(amqp://127\\.0\\.0\\.1:([0-9]+))").matcher(String.join("\n", log));
            assertThat(listening.find()).as(String.join("\n", log)).isTrue();
            assertThat(Integer.parseInt(listening.group(2))).as("the port it bound").isPositive();
            Domain d = Domain.plain("d", listening.group(1), BrokerKind.QPID, false);
            try (EventConsumer consumer = EventConsumer.open(d, List.of("org.fedoraproject.#"), Duration.ofSeconds(10))) {
                CliProcess.Result r = CliProcess.run(List.of("deliver", "--conf", conf.toString()),
                        TestMail.plain("sigterm").bytes(), Map.of());
                assertThat(r.exit()).isZero();
                Optional<Event> e = consumer.next(Duration.ofSeconds(20));
                assertThat(e).isPresent();
                assertThat(e.get().body().get("subject")).isEqualTo("test sigterm");
            }
        } finally {
            daemon.toHandle().destroy(); // SIGTERM, leaving our end of its stderr open
        }
        // Read the rest of its log meanwhile: a full pipe would stall a daemon that logs as it stops.
        StringBuffer rest = new StringBuffer();
        Thread reader = new Thread(() -> {
            try {
                for (String l = err.readLine(); l != null; l = err.readLine()) {
                    rest.append(l).append('\n');
                }
            } catch (java.io.IOException e) {
                rest.append("(log read failed: ").append(e).append(")\n");
            }
        }, "daemon-log");
        reader.start();
        if (!daemon.waitFor(60, TimeUnit.SECONDS)) {
            String threads = CliProcess.threadDump(daemon.pid());
            daemon.destroyForcibly().waitFor();
            org.assertj.core.api.Assertions.fail("did not stop within a minute of SIGTERM; its log after it:\n" + rest
                    + "\nits threads:\n" + threads);
        }
        reader.join(10_000);
        assertThat(daemon.exitValue()).as("a clean SIGTERM stop").isEqualTo(143);
        assertThat(rest.toString()).contains("msg=\"daemon stopped\"");
        assertThat(EndToEndTest.list(dir.resolve("spool/cur"))).isEmpty();
        assertThat(EndToEndTest.list(dir.resolve("spool/new"))).isEmpty();
    }
}
