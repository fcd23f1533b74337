package org.mailbridge.status;

import java.util.Map;

/**
 * What a daemon tells {@code mailbridge status}, through {@code <spool>/state/daemon.json}.
 * Times are ISO 8601 strings.
 *
 * @param pid the daemon's process id
 * @param host the host it runs on
 * @param started when it started
 * @param heartbeat when it last wrote this file (at least every few seconds while alive)
 * @param domains each domain's connection state: {@code true} when connected
 * @param lastPublish per parser, the last event published
 * @param lastError the last publish failure, or empty
 * @param published messages published since start
 * @param quarantined messages quarantined since start, for a fault (not {@code ignored} mail)
 * @param retries publish attempts that failed since start
 * @param state {@value #RUNNING} while it runs, {@value #STOPPED} once it has stopped cleanly; a
 *     daemon that crashed leaves {@value #RUNNING} behind and no lock held
 * @param stopped when it stopped cleanly, or empty
 * @param ignored messages settled without events since start: mail a parser recognises as
 *     carrying no news ({@code ignored}) or that policy keeps off the bus
 * @param sources per source (parser id), the last mail and the last event, kept across restarts
 * @param backlog per domain, the messages waiting because that domain failed them
 * @param withheld messages the privacy policy withheld since start, by reason
 *     ({@code policy: product}, {@code policy: private}, …); settled, not quarantined
 * @param held messages set aside now because a local write failed (a full disk)
 * @param diskError the last local write failure of the past minutes, or empty
 * @param domainStates each domain's sender state: {@code up}, {@code probation} (connected
 *     again after an outage, sending one mail alone until the broker confirms it) or {@code down};
 *     empty in a file written before this field existed
 */
public record DaemonState(long pid, String host, String started, String heartbeat, Map<String, Boolean> domains,
                          Map<String, LastPublish> lastPublish, String lastError, long published, long quarantined,
                          long retries, String state, String stopped, long ignored, Map<String, SourceActivity> sources,
                          Map<String, Integer> backlog, Map<String, Long> withheld, int held, String diskError,
                          Map<String, String> domainStates) {
    /** The {@code state} of a daemon that is (or was, when it crashed) running. */
    public static final String RUNNING = "running";
    /** The {@code state} a daemon leaves when it stops cleanly. */
    public static final String STOPPED = "stopped";

    public DaemonState {
        withheld = withheld == null ? Map.of() : Map.copyOf(withheld);
        domains = Map.copyOf(domains);
        lastPublish = Map.copyOf(lastPublish);
        lastError = lastError == null ? "" : lastError;
        diskError = diskError == null ? "" : diskError;
        // A state file written before these fields existed reads as a running daemon.
        state = state == null ? RUNNING : state;
        stopped = stopped == null ? "" : stopped;
        sources = sources == null ? Map.of() : Map.copyOf(sources);
        backlog = backlog == null ? Map.of() : Map.copyOf(backlog);
        domainStates = domainStates == null ? Map.of() : Map.copyOf(domainStates);
    }

    /** A running daemon's state with no source or backlog detail. */
    public DaemonState(long pid, String host, String started, String heartbeat, Map<String, Boolean> domains,
                       Map<String, LastPublish> lastPublish, String lastError, long published, long quarantined,
                       long retries) {
        this(pid, host, started, heartbeat, domains, lastPublish, lastError, published, quarantined, retries,
                RUNNING, "", 0, Map.of(), Map.of(), Map.of(), 0, "", Map.of());
    }

    /** A running daemon's state with no source or backlog detail, with its held mail and disk error. */
    public DaemonState(long pid, String host, String started, String heartbeat, Map<String, Boolean> domains,
                       Map<String, LastPublish> lastPublish, String lastError, long published, long quarantined,
                       long retries, Map<String, Long> withheld, int held, String diskError) {
        this(pid, host, started, heartbeat, domains, lastPublish, lastError, published, quarantined, retries,
                RUNNING, "", 0, Map.of(), Map.of(), withheld, held, diskError, Map.of());
    }

    /** A domain's state as {@code status} words it: connected, on probation or DISCONNECTED. */
    public String domainLabel(String name) {
        String s = domainStates.get(name);
        if ("probation".equals(s)) {
            return "connected, on probation (one mail at a time until the broker confirms it)";
        }
        if (s != null) {
            return "down".equals(s) ? "DISCONNECTED" : "connected";
        }
        return Boolean.TRUE.equals(domains.get(name)) ? "connected" : "DISCONNECTED";
    }

    /** Whether the daemon said it stopped cleanly. */
    public boolean stoppedCleanly() {
        return STOPPED.equals(state);
    }

    /**
     * The last publish of one parser.
     *
     * @param time when
     * @param topic the topic of its first event
     * @param id the id of its first event
     */
    public record LastPublish(String time, String topic, String id) {
    }

    /**
     * When one source was last heard from.
     *
     * @param watchedSince when the bridge started watching it (the first daemon start that knew it)
     * @param lastMail when a mail of this source was last handled, whatever its outcome; empty if never
     * @param lastEvent when an event of this source was last published; empty if never
     */
    public record SourceActivity(String watchedSince, String lastMail, String lastEvent) {
        public SourceActivity {
            lastMail = lastMail == null ? "" : lastMail;
            lastEvent = lastEvent == null ? "" : lastEvent;
        }
    }
}
