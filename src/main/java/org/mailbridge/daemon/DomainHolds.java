package org.mailbridge.daemon;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Mail set aside because its domain is down, and the order it must go out in once the domain is
 * back. A held message waits in {@code new/} and the claimer skips it, so a down domain costs
 * one read of each of its mails, not a loop. When the domain is back its mail is
 * {@linkplain #lift lifted} and claimed again in spool order; until a held message has been sent
 * again, a later message for the same domain is held behind it, so that a source's events keep
 * their spool order on the wire across an outage.
 */
final class DomainHolds {
    private record Hold(String domain, boolean claimable, long since) {
    }

    private final Map<String, Hold> byName = new HashMap<>();
    private final Map<String, NavigableSet<String>> byDomain = new HashMap<>();
    private final long staleNanos;
    private boolean relist;

    /**
     * @param stale after how long a lifted hold that nothing claimed (its file was removed by
     *     hand) stops holding later mail back
     */
    DomainHolds(java.time.Duration stale) {
        this.staleNanos = stale.toNanos();
    }

    /**
     * Sets a message aside for its domain. It may be claimed again at once if the domain can take
     * mail now and no earlier held mail of the domain is still to go; otherwise it waits for
     * {@link #lift} (the domain is back) or for the earlier mail to be {@linkplain #gone sent}.
     */
    synchronized void setAside(String name, String domain, boolean domainUsable, long now) {
        boolean claimable = domainUsable && !mustWait(name, domain, now);
        put(name, new Hold(domain, claimable, now));
        if (claimable) {
            relist = true;
        }
    }

    private void put(String name, Hold h) {
        Hold old = byName.put(name, h);
        if (old != null && !old.domain().equals(h.domain())) {
            remove(old.domain(), name);
        }
        byDomain.computeIfAbsent(h.domain(), d -> new TreeSet<>()).add(name);
    }

    /** Whether the claimer must skip the message for now. */
    synchronized boolean blocked(String name) {
        Hold h = byName.get(name);
        return h != null && !h.claimable();
    }

    /** The domain is back: its mail may be claimed again, in spool order. */
    synchronized void lift(String domain, long now) {
        NavigableSet<String> names = byDomain.get(domain);
        if (names == null || names.isEmpty()) {
            return;
        }
        for (String n : names) {
            byName.put(n, new Hold(domain, true, now));
        }
        relist = true;
    }

    /**
     * Whether a message now about to be sent to the domain must wait behind earlier held mail of
     * that domain (which has not been sent again yet).
     */
    synchronized boolean mustWait(String name, String domain, long now) {
        NavigableSet<String> names = byDomain.get(domain);
        if (names == null) {
            return false;
        }
        for (String earlier : names.headSet(name, false)) {
            Hold h = byName.get(earlier);
            if (h != null && !(h.claimable() && now - h.since() > staleNanos)) {
                return true;
            }
        }
        return false;
    }

    /** The message was sent again, or settled some other way: it holds nothing back any more. */
    synchronized void gone(String name, long now) {
        Hold h = byName.remove(name);
        if (h == null) {
            return;
        }
        remove(h.domain(), name);
        // Mail held behind it may go now; should its domain be down, it is set aside once more.
        NavigableSet<String> rest = byDomain.get(h.domain());
        if (rest != null) {
            for (String n : rest) {
                Hold o = byName.get(n);
                if (!o.claimable()) {
                    byName.put(n, new Hold(o.domain(), true, now));
                    relist = true;
                }
            }
        }
    }

    private void remove(String domain, String name) {
        NavigableSet<String> names = byDomain.get(domain);
        if (names != null) {
            names.remove(name);
            if (names.isEmpty()) {
                byDomain.remove(domain);
            }
        }
    }

    /** Whether held mail became claimable since the last call: the claimer then starts over. */
    synchronized boolean takeRelist() {
        boolean r = relist;
        relist = false;
        return r;
    }

    /** How many messages each domain holds. */
    synchronized Map<String, Integer> counts() {
        Map<String, Integer> m = new java.util.TreeMap<>();
        byDomain.forEach((d, names) -> m.put(d, names.size()));
        return m;
    }
}
