package org.mailbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.spool.Quarantine;
import org.mailbridge.spool.QuarantineNote;
import org.mailbridge.spool.QuarantineReason;
import org.mailbridge.spool.Spool;
import org.mailbridge.spool.SpoolEntry;
import org.mailbridge.status.DaemonState;
import org.mailbridge.status.StateFile;
import org.mailbridge.testing.TestMail;

/** {@code status} for monitoring and {@code replay} for recovery. */
class StatusAndReplayCommandTest {
    @TempDir
    Path dir;

    private Path conf;
    private Spool spool;

    private void setUp(String extra) throws Exception {
        spool = new Spool(dir.resolve("spool"));
        spool.ensureLayout();
        conf = Files.writeString(dir.resolve("c.toml"), "spool = \"" + spool.root() + "\"\n" + extra);
    }

    private SpoolEntry waiting(String id) throws Exception {
        return spool.commit(spool.stage(new java.io.ByteArrayInputStream(TestMail.plain(id).bytes())));
    }

    private void heartbeat(Instant when, boolean connected) throws Exception {
        new StateFile(spool.root()).write(new DaemonState(42, "host", when.toString(), when.toString(),
                Map.of("main", connected), Map.of("mail", new DaemonState.LastPublish(when.toString(), "t", "i")), "", 1, 0, 0,
                Map.of("policy: private", 2L, "policy: product", 3L), 0, ""));
    }

    @Test
    void aFreshlyBeatingDaemonWithNothingWaitingIsHealthy() throws Exception {
        setUp("");
        heartbeat(Instant.now(), true);
        CliRun r = CliRun.of("status", "--conf", conf.toString());
        assertThat(r.exit).as(r.out + r.err).isZero();
        assertThat(r.out).contains("health:       ok").contains("last publish: mail");
        // Mail the privacy policy withheld is counted apart from the quarantine.
        assertThat(r.out).contains("withheld:     5 {policy: private=2, policy: product=3}").contains("quarantined:  0");
        JsonNode n = new ObjectMapper().readTree(CliRun.of("status", "--conf", conf.toString(), "--json").out);
        assertThat(n.get("withheld").get("policy: product").asLong()).isEqualTo(3);
    }

    @Test
    void aStaleDaemonAnOldBacklogAndADisconnectedDomainAreUnhealthy() throws Exception {
        setUp("[status]\nmax_wait = \"1m\"\n");
        SpoolEntry e = waiting("old");
        Files.setLastModifiedTime(e.path(), java.nio.file.attribute.FileTime.from(Instant.now().minusSeconds(3600)));
        heartbeat(Instant.now().minusSeconds(3600), true);
        CliRun r = CliRun.of("status", "--conf", conf.toString(), "--json");
        assertThat(r.exit).isEqualTo(69);
        JsonNode n = new ObjectMapper().readTree(r.out);
        assertThat(n.get("healthy").asBoolean()).isFalse();
        assertThat(n.get("waiting").asInt()).isEqualTo(1);
        assertThat(n.get("problems").toString()).contains("oldest waiting message").contains("daemon not running");

        heartbeat(Instant.now(), false);
        assertThat(CliRun.of("status", "--conf", conf.toString()).out).contains("domain main is not connected");
    }

    /** A domain connected again after an outage sends one mail alone; status says so. */
    @Test
    void aDomainOnProbationIsShownAsSuchAndCountsAsConnected() throws Exception {
        setUp("");
        String now = Instant.now().toString();
        new StateFile(spool.root()).write(new DaemonState(42, "host", now, now,
                Map.of("main", true, "other", false, "third", true), Map.of(), "", 0, 0, 0, DaemonState.RUNNING, "", 0,
                Map.of(), Map.of("other", 4), Map.of(), 0, "", Map.of("main", "probation", "other", "down", "third", "up")));
        CliRun r = CliRun.of("status", "--conf", conf.toString());
        assertThat(r.out).contains("main connected, on probation (one mail at a time until the broker confirms it), backlog 0")
                .contains("other DISCONNECTED, backlog 4").contains("third connected, backlog 0")
                .contains("domain other is not connected").doesNotContain("domain main is not connected");
        JsonNode n = new ObjectMapper().readTree(CliRun.of("status", "--conf", conf.toString(), "--json").out);
        assertThat(n.toString()).contains("\"probation\"");
        // A state file from before the field existed still reads, from the connected flags.
        heartbeat(Instant.now(), true);
        assertThat(CliRun.of("status", "--conf", conf.toString()).out).contains("main connected, backlog 0");
    }

    @Test
    void replayByReasonMovesOnlyThoseBackAndCountsShowInStatus() throws Exception {
        setUp("[status]\nmax_quarantine = 1\n");
        heartbeat(Instant.now(), true);
        Quarantine q = new Quarantine(spool);
        q.put(spool.claim(waiting("u1")).orElseThrow(),
                QuarantineNote.of(QuarantineReason.UNTRUSTED, "sender x is not one of []"));
        q.put(spool.claim(waiting("n1")).orElseThrow(),
                QuarantineNote.of(QuarantineReason.NO_PARSER, "no parser claims this mail"));
        CliRun s = CliRun.of("status", "--conf", conf.toString());
        assertThat(s.exit).isEqualTo(69);
        assertThat(s.out).contains("quarantined:  2 {no-parser=1, untrusted=1}");

        CliRun r = CliRun.of("replay", "--conf", conf.toString(), "--reason", "untrusted");
        assertThat(r.exit).isZero();
        assertThat(r.out).contains("1 message(s) replayed").contains("was untrusted");
        assertThat(spool.waiting()).hasSize(1);
        assertThat(Files.readString(spool.waiting().get(0).path())).contains("<u1@example.org>");
        assertThat(q.list()).hasSize(1);
        assertThat(q.list().get(0).note().reason().code()).isEqualTo("no-parser");
    }

    @Test
    void replayOfAnUnknownNameIs65AndWithoutSelectionIs64() throws Exception {
        setUp("");
        assertThat(CliRun.of("replay", "--conf", conf.toString(), "nope").exit).isEqualTo(65);
        assertThat(CliRun.of("replay", "--conf", conf.toString()).exit).isEqualTo(64);
        CliRun bogus = CliRun.of("replay", "--conf", conf.toString(), "--reason", "no-such-reason");
        assertThat(bogus.exit).isEqualTo(64);
        assertThat(bogus.err).contains("no-parser").contains("publish-rejected");
    }

    @Test
    void everySubcommandsHelpListsItsExitCodes() {
        for (String cmd : new String[] {"deliver", "daemon", "parse", "status", "replay", "consume", "broker", "parsers"}) {
            CliRun r = CliRun.of(cmd, "--help");
            assertThat(r.exit).isZero();
            assertThat(r.out).as(cmd).contains("Exit codes:").contains("  0   success").contains(" 64   usage error");
        }
        assertThat(CliRun.of("deliver", "--help").out).contains(" 75   temporary failure").contains(" 65   bad input data");
        assertThat(CliRun.of("--version").out).startsWith("mailbridge ");
    }
}
