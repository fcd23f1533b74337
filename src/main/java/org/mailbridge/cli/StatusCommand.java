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
        description = {"Show spool depths, the oldest waiting message, quarantine counts by reason, the daemon's",
            "connections and last publish per parser. Exits 69 when unhealthy, for monitoring (Nagios, systemd)."})
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
        out().println("spool:        " + r.spool());
        out().println("waiting:      " + r.waiting() + r.oldestWaiting().map(t -> " (oldest arrived " + t + ")").orElse(""));
        out().println("in progress:  " + r.inProgress());
        out().println("quarantined:  " + r.quarantinedTotal() + (r.quarantined().isEmpty() ? "" : " " + r.quarantined()));
        if (r.daemon().isPresent()) {
            DaemonState d = r.daemon().get();
            out().println("daemon:       pid " + d.pid() + " on " + d.host() + ", heartbeat " + d.heartbeat()
                    + ", published " + d.published() + ", quarantined " + d.quarantined() + ", retries " + d.retries());
            long withheld = d.withheld().values().stream().mapToLong(Long::longValue).sum();
            out().println("withheld:     " + withheld + (d.withheld().isEmpty() ? "" : " " + new java.util.TreeMap<>(d.withheld()))
                    + " (privacy policy, settled, since the daemon started)");
            d.domains().forEach((name, up) -> out().println("domain:       " + name + " " + (up ? "connected" : "DISCONNECTED")));
            d.lastPublish().forEach((parser, lp) -> out().println("last publish: " + parser + " " + lp.time() + " "
                    + lp.topic()));
            if (!d.lastError().isEmpty()) {
                out().println("last error:   " + d.lastError());
            }
            if (d.held() > 0 || !d.diskError().isEmpty()) {
                out().println("disk:         " + d.held() + " held; " + d.diskError());
            }
        } else {
            out().println("daemon:       never ran on this spool");
        }
        out().println("health:       " + (r.healthy() ? "ok" : "UNHEALTHY"));
        r.problems().forEach(p -> out().println("  - " + p));
    }

    private static Map<String, Object> asMap(SpoolReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("spool", r.spool());
        m.put("healthy", r.healthy());
        m.put("problems", r.problems());
        m.put("waiting", r.waiting());
        m.put("oldest_waiting", r.oldestWaiting().map(Object::toString).orElse(null));
        m.put("in_progress", r.inProgress());
        m.put("quarantined", r.quarantined());
        m.put("withheld", r.daemon().map(DaemonState::withheld).orElse(Map.of()));
        m.put("daemon", r.daemon().orElse(null));
        return m;
    }

    @Override
    protected List<ExitCode> exitCodes() {
        return List.of(ExitCode.OK, ExitCode.USAGE, ExitCode.UNAVAILABLE, ExitCode.IO_ERROR, ExitCode.CONFIG);
    }
}
