package org.mailbridge.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stall detection: which sources have been silent for longer than {@code [status] quiet} allows.
 * A source that never sent mail counts from when the bridge started watching it, so a bridge
 * whose MTA routing is broken from day one is noticed too.
 */
public final class QuietSources {
    private QuietSources() {
    }

    /**
     * One source over its limit.
     *
     * @param source the source key (a parser id)
     * @param since the last mail, or the start of watching when none came
     * @param limit the configured quiet limit
     * @param everHeard whether any mail of the source was ever seen
     */
    public record Quiet(String source, Instant since, Duration limit, boolean everHeard) {
        /** One line for logs and {@code status}. */
        public String describe(Instant now) {
            return "source " + source + " quiet for " + Durations.human(Duration.between(since, now))
                    + (everHeard ? " (last mail " + since + ")" : " (no mail since watching began " + since + ")")
                    + "; status.quiet." + source + " is " + Durations.human(limit);
        }
    }

    /**
     * The sources over their limit, in the order of {@code limits}.
     *
     * @param activity what the daemon recorded per source
     * @param limits {@code [status] quiet}
     * @param watchedSince when watching began for a source with no record (the daemon's start)
     */
    public static List<Quiet> find(Map<String, DaemonState.SourceActivity> activity, Map<String, Duration> limits,
                                   Instant watchedSince, Instant now) {
        List<Quiet> out = new ArrayList<>();
        limits.forEach((source, limit) -> {
            DaemonState.SourceActivity a = activity.get(source);
            boolean heard = a != null && !a.lastMail().isEmpty();
            Instant since = heard ? Instant.parse(a.lastMail())
                    : a != null && a.watchedSince() != null ? Instant.parse(a.watchedSince()) : watchedSince;
            if (Duration.between(since, now).compareTo(limit) > 0) {
                out.add(new Quiet(source, since, limit, heard));
            }
        });
        return out;
    }
}
