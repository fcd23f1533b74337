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
 * The health of one bridge, from its spool and its daemon's state file.
 *
 * @param spool the spool root
 * @param waiting messages in {@code new/}
 * @param oldestWaiting arrival time of the oldest waiting message
 * @param inProgress messages in {@code cur/}
 * @param quarantined messages in quarantine, by reason
 * @param daemon the daemon's last reported state
 * @param problems why the bridge is unhealthy; empty when healthy
 */
public record SpoolReport(String spool, int waiting, Optional<Instant> oldestWaiting, int inProgress,
                          Map<String, Integer> quarantined, Optional<DaemonState> daemon, List<String> problems) {

    /** Whether nothing is wrong. */
    public boolean healthy() {
        return problems.isEmpty();
    }

    /** Total quarantined messages. */
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
        List<SpoolEntry> waiting = spool.waiting();
        Optional<Instant> oldest = Optional.empty();
        for (SpoolEntry e : waiting) {
            try {
                Instant t = Files.getLastModifiedTime(e.path()).toInstant();
                oldest = oldest.isEmpty() || t.isBefore(oldest.get()) ? Optional.of(t) : oldest;
            } catch (NoSuchFileException gone) {
                // claimed while we looked
            }
        }
        Map<String, Integer> byReason = new TreeMap<>();
        for (Quarantine.Item q : new Quarantine(spool).list()) {
            byReason.merge(q.note().reason().code(), 1, Integer::sum);
        }
        Optional<DaemonState> daemon = new StateFile(spool.root()).read();
        Instant now = clock.instant();
        List<String> problems = new ArrayList<>();
        if (oldest.isPresent() && Duration.between(oldest.get(), now).compareTo(limits.maxWait()) > 0) {
            problems.add("oldest waiting message is " + Duration.between(oldest.get(), now).toSeconds()
                    + "s old (status.max_wait is " + limits.maxWait().toSeconds() + "s)");
        }
        if (daemon.isEmpty()) {
            problems.add("no daemon has run on this spool");
        } else {
            Instant beat = Instant.parse(daemon.get().heartbeat());
            if (Duration.between(beat, now).compareTo(limits.heartbeatMaxAge()) > 0) {
                problems.add("daemon not running: last heartbeat " + beat);
            } else {
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
        }
        long free = spool.usableSpace();
        if (free < reserve) {
            problems.add("disk: " + free + " bytes free on the spool's file system, under spool_reserve (" + reserve
                    + "): deliver refuses mail");
        }
        int total = byReason.values().stream().mapToInt(Integer::intValue).sum();
        if (limits.maxQuarantine() >= 0 && total > limits.maxQuarantine()) {
            problems.add(total + " quarantined messages (status.max_quarantine is " + limits.maxQuarantine() + ")");
        }
        return new SpoolReport(spool.root().toString(), waiting.size(), oldest, spool.claimed().size(),
                byReason, daemon, problems);
    }
}
