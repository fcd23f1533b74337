package org.mailbridge.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Whether the spool's daemon is alive, told from its state file and the spool lock. */
public enum Liveness {
    /** No daemon ever wrote a state file on this spool. */
    NEVER_RAN("never ran"),
    /** It holds the lock (or, when the lock cannot be probed, beats in time). */
    RUNNING("running"),
    /** It stopped cleanly and said so. */
    STOPPED("stopped"),
    /** Its state says running, but the lock is free: it died without stopping (kill -9, OOM, power). */
    CRASHED("crashed"),
    /** It holds the lock but has not written its state in time: hung, or the lock cannot be probed. */
    NOT_RESPONDING("not responding");

    private final String label;

    Liveness(String label) {
        this.label = label;
    }

    /** How {@code status} prints it. */
    public String label() {
        return label;
    }

    /**
     * Judges a daemon.
     *
     * @param state its last state file, if any
     * @param lockHeld whether its spool lock is held now, empty when that cannot be told
     */
    public static Liveness of(Optional<DaemonState> state, Optional<Boolean> lockHeld, Duration heartbeatMaxAge,
                              Instant now) {
        if (state.isEmpty()) {
            return lockHeld.orElse(false) ? RUNNING : NEVER_RAN;
        }
        boolean fresh = Duration.between(Instant.parse(state.get().heartbeat()), now).compareTo(heartbeatMaxAge) <= 0;
        if (state.get().stoppedCleanly()) {
            // A new daemon may have taken the lock and not written its first state yet.
            return lockHeld.orElse(false) ? RUNNING : STOPPED;
        }
        if (lockHeld.isPresent() && !lockHeld.get()) {
            return CRASHED;
        }
        return fresh ? RUNNING : NOT_RESPONDING;
    }
}
