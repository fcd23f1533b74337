package org.mailbridge.config;

import java.time.Duration;

/**
 * How the daemon paces itself.
 *
 * @param pollInterval how often the spool is rescanned even without a file-system notification
 * @param retryMin first back-off after a failed publish
 * @param retryMax the longest back-off (it doubles up to this)
 * @param publishTimeout how long one publish may wait for the broker's confirmation
 * @param probeInterval while backing off, how often to try the broker again, so that mail goes
 *     out as soon as it is back rather than when the back-off ends
 * @param sweepInterval how often stale files in {@code tmp/} are swept while running
 * @param tmpMaxAge how old a file in {@code tmp/} must be to be swept (a deliver that died)
 */
public record DaemonSettings(Duration pollInterval, Duration retryMin, Duration retryMax, Duration publishTimeout,
                             Duration probeInterval, Duration sweepInterval, Duration tmpMaxAge) {
    public static final DaemonSettings DEFAULT = new DaemonSettings(
            Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofSeconds(30),
            Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1));
}
