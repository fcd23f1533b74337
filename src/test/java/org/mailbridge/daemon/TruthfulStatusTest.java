package org.mailbridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.cli.CliAccess;
import org.mailbridge.config.Config;
import org.mailbridge.spool.Spool;
import org.mailbridge.status.StateFile;
import org.mailbridge.testing.CliProcess;
import org.mailbridge.testing.TestBroker;
import org.mailbridge.testing.TestConfigs;
import org.mailbridge.testing.TestMail;

/**
 * {@code status} tells the truth at once: a stopped daemon is reported stopped, a killed one
 * crashed, and a source silent past its {@code [status] quiet} limit makes the bridge unhealthy.
 * Covers the bug where {@code status} said {@code health: ok} and the domain connected for two
 * minutes after the daemon had stopped.
 */
class TruthfulStatusTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Status(int exit, JsonNode json) {
    }

    private Status status() throws Exception {
        StringWriter out = new StringWriter();
        int code = CliAccess.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "status", "--json",
                "--conf", dir.resolve("config.toml").toString());
        return new Status(code, JSON.readTree(out.toString()));
    }

    private Config config(String extra) throws Exception {
        return TestConfigs.write(dir, TestConfigs.toml(dir.resolve("spool"), TestBroker.get().url()) + extra);
    }

    @Test
    void aDaemonThatStoppedIsReportedStoppedAtOnce() throws Exception {
        Config c = config("");
        try (RunningDaemon d = RunningDaemon.start(c)) {
            awaitState("running");
            Status running = status();
            assertThat(running.exit()).as(running.json().toString()).isZero();
            assertThat(running.json().get("daemon_state").asText()).isEqualTo("running");
        }
        Status s = status();
        assertThat(s.exit()).isEqualTo(69);
        assertThat(s.json().get("daemon_state").asText()).isEqualTo("stopped");
        assertThat(s.json().get("problems").toString()).contains("daemon stopped at");
        assertThat(s.json().get("problems").toString()).doesNotContain("not connected");
    }

    @Test
    void aKilledDaemonIsReportedCrashedFromTheFreeLockWhileItsHeartbeatIsStillFresh() throws Exception {
        config("");
        Process p = CliProcess.start(List.of("daemon", "--conf", dir.resolve("config.toml").toString()), Map.of());
        try {
            awaitState("running");
            assertThat(status().exit()).isZero();
        } finally {
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no last state written
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Status s = status();
        assertThat(s.exit()).isEqualTo(69);
        assertThat(s.json().get("daemon_state").asText()).isEqualTo("crashed");
        assertThat(s.json().get("problems").toString()).contains("crashed or was killed");
        assertThat(s.json().get("daemon").get("state").asText()).as("the file still says running").isEqualTo("running");
    }

    @Test
    void aQuietSourceMakesStatusUnhealthyNamingItAndItsNextMailClearsIt() throws Exception {
        Config c = config("\n[status]\nquiet = { mail = \"3s\" }\n");
        try (RunningDaemon d = RunningDaemon.start(c)) {
            awaitState("running");
            assertThat(status().exit()).as("within the limit").isZero();
            Thread.sleep(3500);
            Status quiet = status();
            assertThat(quiet.exit()).isEqualTo(69);
            assertThat(quiet.json().get("quiet_sources").toString()).isEqualTo("[\"mail\"]");
            assertThat(quiet.json().get("problems").toString()).contains("source mail quiet for")
                    .contains("status.quiet.mail is 3s");

            Spool spool = new Spool(c.spool());
            spool.commit(spool.stage(new java.io.ByteArrayInputStream(TestMail.plain("wakes-up").bytes())));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            Status after = status();
            while (after.exit() != 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                after = status();
            }
            assertThat(after.exit()).as(after.json().toString()).isZero();
            assertThat(after.json().get("daemon").get("sources").get("mail").get("lastEvent").asText()).isNotEmpty();
        }
    }

    private void awaitState(String state) throws Exception {
        StateFile f = new StateFile(dir.resolve("spool"));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (f.read().map(s -> s.state().equals(state) && !s.domains().containsValue(false)
                    && Instant.parse(s.heartbeat()).isAfter(Instant.now().minusSeconds(60))).orElse(false)
                    && Files.exists(dir.resolve("spool/.daemon.lock"))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the daemon never wrote state " + state + " with its domains connected");
    }
}
