package org.mailbridge.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.mailbridge.config.StatusSettings;
import org.mailbridge.spool.Quarantine;
import org.mailbridge.spool.Spool;
import org.mailbridge.spool.SpoolEntry;

/**
 * The health of one bridge, from its spool, its daemon's state file and the spool lock.
 *
 * @param spool the spool root
 * @param waiting messages in {@code new/}
 * @param oldestWaiting arrival time of the oldest waiting message
 * @param inProgress messages in {@code cur/}
 * @param quarantined messages in quarantine for a fault, by reason
 * @param settled messages kept in quarantine that rightly produced no event ({@code ignored}), by reason
 * @param daemon the daemon's last reported state
 * @param liveness whether the daemon is alive
 * @param quiet the sources silent for longer than {@code [status] quiet} allows
 * @param problems why the bridge is unhealthy; empty when healthy
 */
public record SpoolReport(String spool, int waiting, Optional<Instant> oldestWaiting, int inProgress,
                          Map<String, Integer> quarantined, Map<String, Integer> settled, Optional<DaemonState> daemon,
                          Liveness liveness, List<QuietSources.Quiet> quiet, List<String> problems) {

    /** Whether nothing is wrong. */
    public boolean healthy() {
        return problems.isEmpty();
    }

    /** Total quarantined messages (faults only). */
    public int quarantinedTotal() {
        return quarantined.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Looks at the spool now. */
    public static SpoolReport of(Spool spool, StatusSettings limits, Clock clock) throws IOException {
        return of(spool, limits, 0, clock);
    }

    /**
     * Looks at the spool now, calling it unhealthy also when its file system has less than
     * {@code reserve} bytes free (then {@code deliver} refuses mail) or the daemon reports a
     * failed local write.
     */
    public static SpoolReport of(Spool spool, StatusSettings limits, long reserve, Clock clock) throws IOException {
        Instant now = clock.instant();
        List<SpoolEntry> waiting = spool.waiting();
        Optional<Instant> oldest = oldest(waiting);
        Map<String, Integer> faults = new TreeMap<>();
        Map<String, Integer> settled = new TreeMap<>();
        for (Quarantine.Item q : new Quarantine(spool).list()) {
            (q.note().reason().isFault() ? faults : settled).merge(q.note().reason().code(), 1, Integer::sum);
        }
        Optional<DaemonState> daemon = new StateFile(spool.root()).read();
        Liveness live = Liveness.of(daemon, spool.daemonLockHeld(), limits.heartbeatMaxAge(), now);
        List<String> problems = new ArrayList<>();
        if (oldest.isPresent() && Duration.between(oldest.get(), now).compareTo(limits.maxWait()) > 0) {
            problems.add("oldest waiting message is " + Duration.between(oldest.get(), now).toSeconds()
                    + "s old (status.max_wait is " + limits.maxWait().toSeconds() + "s)");
        }
        daemonProblem(live, daemon).ifPresent(problems::add);
        if (live == Liveness.RUNNING && daemon.isPresent() && !daemon.get().stoppedCleanly()) {
            daemon.get().domains().forEach((d, up) -> {
                if (!up) {
                    problems.add("domain " + d + " is not connected");
                }
            });
            if (!daemon.get().diskError().isEmpty()) {
                problems.add("disk: the daemon could not write (" + daemon.get().held() + " messages held): "
                        + daemon.get().diskError());
            }
        }
        long free = spool.usableSpace();
        if (free < reserve) {
            problems.add("disk: " + free + " bytes free on the spool's file system, under spool_reserve (" + reserve
                    + "): deliver refuses mail");
        }
        List<QuietSources.Quiet> quiet = daemon.map(d -> QuietSources.find(d.sources(), limits.quiet(),
                Instant.parse(d.started()), now)).orElse(List.of());
        quiet.forEach(q -> problems.add(q.describe(now)));
        int total = faults.values().stream().mapToInt(Integer::intValue).sum();
        if (limits.maxQuarantine() >= 0 && total > limits.maxQuarantine()) {
            problems.add(total + " quarantined messages (status.max_quarantine is " + limits.maxQuarantine() + ")");
        }
        return new SpoolReport(spool.root().toString(), waiting.size(), oldest, spool.claimed().size(), faults, settled,
                daemon, live, quiet, problems);
    }

    private static Optional<String> daemonProblem(Liveness live, Optional<DaemonState> d) {
        return switch (live) {
            case RUNNING -> Optional.empty();
            case NEVER_RAN -> Optional.of("no daemon has run on this spool");
            case STOPPED -> Optional.of("daemon stopped at " + d.orElseThrow().stopped());
            case CRASHED -> Optional.of("daemon not running: pid " + d.orElseThrow().pid() + " on " + d.get().host()
                    + " crashed or was killed (state says running, the spool lock is free; last heartbeat "
                    + d.get().heartbeat() + ")");
            case NOT_RESPONDING -> Optional.of("daemon not running or hung: last heartbeat " + d.orElseThrow().heartbeat());
        };
    }

    private static Optional<Instant> oldest(List<SpoolEntry> waiting) throws IOException {
        Optional<Instant> oldest = Optional.empty();
        for (SpoolEntry e : waiting) {
            try {
                Instant t = Files.getLastModifiedTime(e.path()).toInstant();
                oldest = oldest.isEmpty() || t.isBefore(oldest.get()) ? Optional.of(t) : oldest;
            } catch (NoSuchFileException gone) {
                // claimed while we looked
            }
        }
        return oldest;
    }
}
