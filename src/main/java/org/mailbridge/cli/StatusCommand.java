package org.mailbridge.cli;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mailbridge.config.Config;
import org.mailbridge.config.ConfigException;
import org.mailbridge.event.EventJson;
import org.mailbridge.exit.ExitCode;
import org.mailbridge.spool.Spool;
import org.mailbridge.status.DaemonState;
import org.mailbridge.status.SpoolReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mailbridge status}: health for humans and monitoring. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the health of the bridge, for people and for monitoring.",
            "Whether the daemon runs (running, stopped, crashed, not responding), spool depths, the oldest",
            "waiting message, quarantine counts by reason (mail settled without events, such as 'ignored',",
            "apart), each domain's connection and backlog, and each source's last mail and event.",
            "Unhealthy (exit 69) when the daemon is not running, a domain is disconnected, the oldest",
            "waiting mail is older than status.max_wait, more than status.max_quarantine mails are",
            "quarantined, or a source has been silent longer than its status.quiet limit.",
            "For monitoring: Nagios-style checks, systemd timers, cron."})
final class StatusCommand extends BaseCommand {
    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    protected ExitCode execute() throws ConfigException, IOException {
        Config config = config();
        SpoolReport r = SpoolReport.of(new Spool(config.spool()), config.status(), config.spoolReserve(), Clock.systemUTC());
        if (json) {
            out().println(EventJson.write(asMap(r)));
        } else {
            print(r);
        }
        return r.healthy() ? ExitCode.OK : ExitCode.UNAVAILABLE;
    }

    private void print(SpoolReport r) {
        line("spool", r.spool());
        line("waiting", r.waiting() + r.oldestWaiting().map(t -> " (oldest arrived " + t + ")").orElse(""));
        line("in progress", String.valueOf(r.inProgress()));
        line("quarantined", r.quarantinedTotal() + (r.quarantined().isEmpty() ? "" : " " + r.quarantined()));
        if (!r.settled().isEmpty()) {
            line("no events", r.settled() + " (settled, not faults)");
        }
        if (r.daemon().isPresent()) {
            DaemonState d = r.daemon().get();
            line("daemon", r.liveness().label() + ", pid " + d.pid() + " on " + d.host() + ", started " + d.started()
                    + (d.stoppedCleanly() ? ", stopped " + d.stopped() : ", heartbeat " + d.heartbeat()));
            line("counts", "published " + d.published() + ", quarantined " + d.quarantined() + ", no events "
                    + d.ignored() + ", retries " + d.retries() + " since start");
            d.domains().forEach((name, up) -> line("domain", name + " " + d.domainLabel(name)
                    + ", backlog " + d.backlog().getOrDefault(name, 0)));
            d.sources().forEach((source, a) -> line("source", source + " last mail "
                    + (a.lastMail().isEmpty() ? "never" : a.lastMail()) + ", last event "
                    + (a.lastEvent().isEmpty() ? "never" : a.lastEvent())));
            d.lastPublish().forEach((parser, lp) -> line("last publish", parser + " " + lp.time() + " " + lp.topic()));
            long withheld = d.withheld().values().stream().mapToLong(Long::longValue).sum();
            line("withheld", withheld + (d.withheld().isEmpty() ? "" : " " + new java.util.TreeMap<>(d.withheld()))
                    + " (privacy policy, settled, since the daemon started)");
            if (!d.lastError().isEmpty()) {
                line("last error", d.lastError());
            }
            if (d.held() > 0 || !d.diskError().isEmpty()) {
                out().println("disk:         " + d.held() + " held; " + d.diskError());
            }
        } else {
            line("daemon", r.liveness().label());
        }
        line("health", r.healthy() ? "ok" : "UNHEALTHY");
        r.problems().forEach(p -> out().println("  - " + p));
    }

    private void line(String label, String value) {
        out().printf("%-13s %s%n", label + ":", value);
    }

    private static Map<String, Object> asMap(SpoolReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("spool", r.spool());
        m.put("healthy", r.healthy());
        m.put("problems", r.problems());
        m.put("daemon_state", r.liveness().name().toLowerCase(java.util.Locale.ROOT));
        m.put("waiting", r.waiting());
        m.put("oldest_waiting", r.oldestWaiting().map(Object::toString).orElse(null));
        m.put("in_progress", r.inProgress());
        m.put("quarantined", r.quarantined());
        m.put("settled_without_events", r.settled());
        m.put("quiet_sources", r.quiet().stream().map(q -> q.source()).toList());
        m.put("withheld", r.daemon().map(DaemonState::withheld).orElse(Map.of()));
        m.put("daemon", r.daemon().orElse(null));
        return m;
    }

    @Override
    protected String meaning(ExitCode code) {
        return switch (code) {
            case OK -> "success: healthy";
            case UNAVAILABLE -> "unhealthy: see the problems listed (daemon, domain, backlog, quiet source)";
            default -> code.meaning();
        };
    }

    @Override
    protected List<ExitCode> exitCodes() {
        return List.of(ExitCode.OK, ExitCode.USAGE, ExitCode.UNAVAILABLE, ExitCode.IO_ERROR, ExitCode.CONFIG);
    }
}
