package org.mailbridge.daemon;

import java.time.Duration;

/** Exponential back-off between failed publish attempts: doubles from min up to max, resets on success. */
final class Backoff {
    private final Duration min;
    private final Duration max;
    private Duration current = Duration.ZERO;

    Backoff(Duration min, Duration max) {
        this.min = min;
        this.max = max.compareTo(min) < 0 ? min : max;
    }

    /** Records a failure and returns how long to wait before the next attempt. */
    Duration fail() {
        current = current.isZero() ? min : current.multipliedBy(2);
        if (current.compareTo(max) > 0) {
            current = max;
        }
        return current;
    }

    /** Records a success. */
    void reset() {
        current = Duration.ZERO;
    }
}
