package org.mailbridge.daemon;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Messages set aside because settling them failed for a local reason (a full disk): each is
 * skipped until its time comes, so that the daemon goes on with mail it can publish (which frees
 * space) instead of failing on the same message in a loop.
 */
final class HeldMail {
    private final Map<String, Long> until = new ConcurrentHashMap<>();
    private final long holdNanos;

    HeldMail(java.time.Duration hold) {
        this.holdNanos = hold.toNanos();
    }

    void hold(String name, long now) {
        until.put(name, now + holdNanos);
    }

    /** Whether the message is still set aside; forgets it once its time has come. */
    boolean held(String name, long now) {
        Long t = until.get(name);
        if (t == null) {
            return false;
        }
        if (now - t >= 0) {
            until.remove(name);
            return false;
        }
        return true;
    }

    /** How many are set aside now. */
    int count(long now) {
        for (Iterator<Map.Entry<String, Long>> it = until.entrySet().iterator(); it.hasNext();) {
            if (now - it.next().getValue() >= 0) {
                it.remove();
            }
        }
        return until.size();
    }
}
