package org.mailbridge.config;

import java.time.Duration;
import java.util.Map;

/**
 * When {@code mailbridge status} calls the bridge unhealthy.
 *
 * @param maxWait the oldest waiting message may not be older than this
 * @param heartbeatMaxAge a running daemon refreshes its state file at least this often
 * @param maxQuarantine more quarantined messages than this is unhealthy; negative means no limit.
 *     Mail settled without events ({@code ignored}, policy) does not count
 * @param quiet per source (a parser id), how long it may stay without mail ({@code [status] quiet})
 */
public record StatusSettings(Duration maxWait, Duration heartbeatMaxAge, int maxQuarantine, Map<String, Duration> quiet) {
    public static final StatusSettings DEFAULT = new StatusSettings(Duration.ofMinutes(15), Duration.ofMinutes(2), -1);

    public StatusSettings {
        quiet = Map.copyOf(quiet);
    }

    /** Thresholds with no quiet limits. */
    public StatusSettings(Duration maxWait, Duration heartbeatMaxAge, int maxQuarantine) {
        this(maxWait, heartbeatMaxAge, maxQuarantine, Map.of());
    }
}
