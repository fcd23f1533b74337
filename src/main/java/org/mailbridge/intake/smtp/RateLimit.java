package org.mailbridge.intake.smtp;

/**
 * A token bucket over all clients: up to {@code perSecond} messages a second, with bursts of one
 * second's worth. A message over the rate is refused as transient, so the MTA queues and retries
 * instead of the bridge's spool filling faster than it drains.
 */
final class RateLimit {
    private final double perNano;
    private final double burst;
    private double tokens;
    private long last;

    RateLimit(int perSecond) {
        this.perNano = perSecond / 1e9;
        this.burst = perSecond;
        this.tokens = perSecond;
        this.last = System.nanoTime();
    }

    synchronized boolean tryAcquire() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
