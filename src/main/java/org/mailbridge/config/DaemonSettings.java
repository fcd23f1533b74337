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
 * @param window how many mails may be in flight at once (read, parsed, sent, not yet confirmed)
 * @param workers how many threads read and parse mail; 0 means one per core
 */
public record DaemonSettings(Duration pollInterval, Duration retryMin, Duration retryMax, Duration publishTimeout,
                             Duration probeInterval, Duration sweepInterval, Duration tmpMaxAge, int window,
                             int workers) {
    public static final DaemonSettings DEFAULT = new DaemonSettings(
            Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofSeconds(30),
            Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1), 256, 0);

    /** The worker count to use: {@link #workers}, or the cores the JVM may use. */
    public int workerThreads() {
        return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    }
}
