package org.mailbridge.daemon;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import org.mailbridge.event.Event;
import org.mailbridge.log.LogFmt;
import org.mailbridge.pipeline.Outcome;
import org.mailbridge.status.DaemonState;
import org.mailbridge.status.QuietSources;
import org.mailbridge.status.StateFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the daemon's counters, per-source activity and per-domain backlog, and writes them to
 * the state file that {@code mailbridge status} reads: on every heartbeat, after outcomes at
 * most once a second, and a last time marked {@code stopped} on a clean stop. Source activity
 * survives restarts (it is read back from the previous state file), so a restart does not
 * reset the stall clocks.
 */
final class Monitor {
    private static final Logger LOG = LoggerFactory.getLogger(Monitor.class);
    private static final Duration MIN_WRITE_GAP = Duration.ofSeconds(1);
    private static final Duration DISK_ERROR_MEMORY = Duration.ofMinutes(5);

    private final StateFile file;
    private final Clock clock;
    private final String host;
    private final Instant started;
    /** Each domain's sender state ({@code up}, {@code probation}, {@code down}). */
    private final Supplier<Map<String, String>> domains;
    private final Map<String, Duration> quietLimits;
    private final StallAlarm alarm = new StallAlarm();
    private final IntSupplier held;
    private String diskError = "";
    private Instant diskErrorAt = Instant.EPOCH;
    private final Map<String, DaemonState.LastPublish> lastPublish = new LinkedHashMap<>();
    private final Map<String, DaemonState.SourceActivity> sources = new TreeMap<>();
    private final Map<String, Set<String>> backlog = new TreeMap<>();
    private String lastError = "";
    private long published;
    private long quarantined;
    private long ignored;
    private long retries;
    private final Map<String, Long> withheld = new java.util.TreeMap<>();
    private Instant lastWrite = Instant.EPOCH;
    private boolean stopped;
    private Map<String, String> lastDomains = Map.of();

    Monitor(StateFile file, Clock clock, String host, Supplier<Map<String, String>> domains,
            Map<String, Duration> quietLimits, IntSupplier held) {
        this.held = held;
        this.file = file;
        this.clock = clock;
        this.host = host;
        this.started = clock.instant();
        this.domains = domains;
        this.quietLimits = Map.copyOf(quietLimits);
        file.read().ifPresent(previous -> {
            sources.putAll(previous.sources());
            lastPublish.putAll(previous.lastPublish());
        });
        for (String s : quietLimits.keySet()) {
            sources.putIfAbsent(s, new DaemonState.SourceActivity(started.toString(), "", ""));
        }
    }

    /** Records how the spool message {@code name} ended. */
    synchronized void record(String name, Outcome o) {
        String now = clock.instant().toString();
        if (o instanceof Outcome.Published p) {
            published++;
            Event first = p.events().get(0);
            lastPublish.put(p.parserId(), new DaemonState.LastPublish(now, first.topic(), first.id()));
            heard(p.parserId(), now, true);
            settled(name);
        } else if (o instanceof Outcome.Quarantined q) {
            if (q.note().reason().isFault()) {
                quarantined++;
            } else {
                ignored++;
            }
            heard(q.note().parser(), now, false);
            settled(name);
        } else if (o instanceof Outcome.Withheld w) {
            withheld.merge(w.reason(), 1L, Long::sum);
            heard(w.parserId(), now, false);
            settled(name);
        } else if (o instanceof Outcome.Retry r) {
            retries++;
            lastError = now + " " + r.error().domain() + ": " + r.error().getMessage();
            backlog.computeIfAbsent(r.error().domain(), d -> new HashSet<>()).add(name);
        }
        if (Duration.between(lastWrite, clock.instant()).compareTo(MIN_WRITE_GAP) >= 0) {
            write();
        }
    }

    private void heard(String source, String now, boolean event) {
        if (source == null || source.isEmpty()) {
            return;
        }
        DaemonState.SourceActivity old = sources.get(source);
        String since = old == null ? started.toString() : old.watchedSince();
        String lastEvent = event ? now : old == null ? "" : old.lastEvent();
        sources.put(source, new DaemonState.SourceActivity(since, now, lastEvent));
    }

    private void settled(String name) {
        backlog.values().forEach(names -> names.remove(name));
    }

    /** A local write failed (a full disk, most likely): status reports it until a while after the last one. */
    synchronized void diskError(String error) {
        diskError = error;
        diskErrorAt = clock.instant();
    }

    /** Writes a running daemon's state and raises or clears stall alarms. */
    synchronized void write() {
        if (stopped) {
            return;
        }
        write(DaemonState.RUNNING, "");
        alarm.check(QuietSources.find(sources, quietLimits, started, clock.instant()), clock.instant());
    }

    /** Writes the state now if a domain's state changed since the last write. */
    synchronized void domainsMayHaveChanged() {
        if (!domains.get().equals(lastDomains)) {
            write();
        }
    }

    /** Writes the state of a daemon that has stopped cleanly, so {@code status} says so at once. */
    synchronized void markStopped() {
        stopped = true;
        write(DaemonState.STOPPED, clock.instant().toString());
    }

    private void write(String state, String stopped) {
        Instant now = clock.instant();
        Map<String, Integer> waitingPerDomain = new TreeMap<>();
        backlog.forEach((d, names) -> waitingPerDomain.put(d, names.size()));
        lastDomains = domains.get();
        DaemonState s = new DaemonState(ProcessHandle.current().pid(), host, started.toString(), now.toString(),
                DomainLane.State.connected(lastDomains), lastPublish, lastError, published, quarantined, retries, state, stopped, ignored,
                sources, waitingPerDomain, withheld, held.getAsInt(),
                Duration.between(diskErrorAt, now).compareTo(DISK_ERROR_MEMORY) < 0 ? diskErrorAt + " " + diskError : "",
                lastDomains);
        try {
            file.write(s);
            lastWrite = now;
        } catch (IOException e) {
            LOG.warn("{}", LogFmt.msg("state file not written").kv("err", e.toString()));
        }
    }
}
