package org.mailbridge.config;

import java.time.Duration;

/**
 * How the daemon paces itself.
 *
 * @param pollInterval how often the spool is rescanned even without a file-system notification
 * @param retryMin first back-off after a failed publish
 * @param retryMax the longest back-off (it doubles up to this)
 * @param publishTimeout how long one publish may wait for the broker's confirmation
 */
public record DaemonSettings(Duration pollInterval, Duration retryMin, Duration retryMax, Duration publishTimeout) {
    public static final DaemonSettings DEFAULT = new DaemonSettings(
            Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofSeconds(30));
}
