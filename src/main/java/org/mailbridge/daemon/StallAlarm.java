package org.mailbridge.daemon;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.mailbridge.log.LogFmt;
import org.mailbridge.status.QuietSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a source going quiet, and coming back, once per change: an alarm that repeats every
 * heartbeat is an alarm people filter out.
 */
final class StallAlarm {
    private static final Logger LOG = LoggerFactory.getLogger(StallAlarm.class);

    private final Set<String> quiet = new TreeSet<>();

    /** Compares the sources quiet now with those quiet at the last check; logs the differences. */
    void check(List<QuietSources.Quiet> now, Instant at) {
        Set<String> names = new TreeSet<>();
        for (QuietSources.Quiet q : now) {
            names.add(q.source());
            if (quiet.add(q.source())) {
                LOG.warn("{}", LogFmt.msg("source quiet").kv("source", q.source()).kv("since", q.since())
                        .kv("limit", q.limit()).kv("detail", q.describe(at)));
            }
        }
        for (String s : List.copyOf(quiet)) {
            if (!names.contains(s)) {
                quiet.remove(s);
                LOG.info("{}", LogFmt.msg("source active again").kv("source", s));
            }
        }
    }

    /** The sources quiet at the last check. */
    Set<String> quiet() {
        return Set.copyOf(quiet);
    }
}
