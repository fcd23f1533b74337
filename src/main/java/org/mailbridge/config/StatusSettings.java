package org.mailbridge.config;

import java.time.Duration;

/**
 * When {@code mailbridge status} calls the bridge unhealthy.
 *
 * @param maxWait the oldest waiting message may not be older than this
 * @param heartbeatMaxAge a running daemon refreshes its state file at least this often
 * @param maxQuarantine more quarantined messages than this is unhealthy; negative means no limit
 */
public record StatusSettings(Duration maxWait, Duration heartbeatMaxAge, int maxQuarantine) {
    public static final StatusSettings DEFAULT = new StatusSettings(Duration.ofMinutes(15), Duration.ofMinutes(2), -1);
}
