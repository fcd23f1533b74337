package org.mailbridge.daemon;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.mailbridge.event.Event;
import org.mailbridge.log.LogFmt;
import org.mailbridge.pipeline.Outcome;
import org.mailbridge.status.DaemonState;
import org.mailbridge.status.StateFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the daemon's counters and last-publish times and writes them to the state file that
 * {@code mailbridge status} reads: on every heartbeat, and after outcomes at most once a second.
 */
final class Monitor {
    private static final Logger LOG = LoggerFactory.getLogger(Monitor.class);
    private static final Duration MIN_WRITE_GAP = Duration.ofSeconds(1);
    private static final Duration DISK_ERROR_MEMORY = Duration.ofMinutes(5);

    private final StateFile file;
    private final Clock clock;
    private final String host;
    private final Instant started;
    private final Supplier<Map<String, Boolean>> domains;
    private final java.util.function.IntSupplier held;
    private String diskError = "";
    private Instant diskErrorAt = Instant.EPOCH;
    private final Map<String, DaemonState.LastPublish> lastPublish = new LinkedHashMap<>();
    private String lastError = "";
    private long published;
    private long quarantined;
    private long retries;
    private final Map<String, Long> withheld = new java.util.TreeMap<>();
    private Instant lastWrite = Instant.EPOCH;

    Monitor(StateFile file, Clock clock, String host, Supplier<Map<String, Boolean>> domains,
            java.util.function.IntSupplier held) {
        this.held = held;
        this.file = file;
        this.clock = clock;
        this.host = host;
        this.started = clock.instant();
        this.domains = domains;
    }

    synchronized void record(Outcome o) {
        if (o instanceof Outcome.Published p) {
            published++;
            Event first = p.events().get(0);
            lastPublish.put(p.parserId(), new DaemonState.LastPublish(clock.instant().toString(), first.topic(), first.id()));
        } else if (o instanceof Outcome.Withheld w) {
            withheld.merge(w.reason(), 1L, Long::sum);
        } else if (o instanceof Outcome.Quarantined) {
            quarantined++;
        } else if (o instanceof Outcome.Retry r) {
            retries++;
            lastError = clock.instant() + " " + r.error().domain() + ": " + r.error().getMessage();
        }
        if (Duration.between(lastWrite, clock.instant()).compareTo(MIN_WRITE_GAP) >= 0) {
            write();
        }
    }

    /** A local write failed (a full disk, most likely): status reports it until a while after the last one. */
    synchronized void diskError(String error) {
        diskError = error;
        diskErrorAt = clock.instant();
    }

    synchronized void write() {
        Instant now = clock.instant();
        DaemonState s = new DaemonState(ProcessHandle.current().pid(), host, started.toString(), now.toString(),
                domains.get(), lastPublish, lastError, published, quarantined, retries, withheld, held.getAsInt(),
                Duration.between(diskErrorAt, now).compareTo(DISK_ERROR_MEMORY) < 0 ? diskErrorAt + " " + diskError : "");
        try {
            file.write(s);
            lastWrite = now;
        } catch (IOException e) {
            LOG.warn("{}", LogFmt.msg("state file not written").kv("err", e.toString()));
        }
    }
}
