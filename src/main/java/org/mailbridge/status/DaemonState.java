package org.mailbridge.status;

import java.util.Map;

/**
 * What a running daemon tells {@code mailbridge status}, through {@code <spool>/state/daemon.json}.
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
 * @param quarantined messages quarantined since start
 * @param retries publish attempts that failed since start
 * @param withheld messages the privacy policy withheld since start, by reason
 *     ({@code policy: product}, {@code policy: private}, …); settled, not quarantined
 * @param held messages set aside now because a local write failed (a full disk)
 * @param diskError the last local write failure of the past minutes, or empty
 */
public record DaemonState(long pid, String host, String started, String heartbeat, Map<String, Boolean> domains,
                          Map<String, LastPublish> lastPublish, String lastError, long published, long quarantined,
                          long retries, Map<String, Long> withheld, int held, String diskError) {
    public DaemonState {
        withheld = withheld == null ? Map.of() : Map.copyOf(withheld);
        domains = Map.copyOf(domains);
        lastPublish = Map.copyOf(lastPublish);
        lastError = lastError == null ? "" : lastError;
        diskError = diskError == null ? "" : diskError;
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
}
