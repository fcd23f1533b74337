package org.mailbridge.parse.scm;

import java.util.Set;

import org.mailbridge.spi.ParserConfigException;
import org.mailbridge.spi.ParserSettings;

/**
 * What one commit mail may cost. A push mail may hold thousands of commits and megabytes of
 * diff, and an event weighs far more in memory than the mail lines it comes from, so:
 * <ul>
 * <li>each commit's {@code commit.patch} is cut (at a line end) after {@code max_patch}
 *     characters, and one mail's patches together after {@code max_patch_total}; a cut patch
 *     is flagged in {@code mailbridge.patch_truncated}, and statistics are still counted over
 *     the whole diff the mail shows;</li>
 * <li>a mail describing more than {@code max_events} commits in full is refused as malformed
 *     (quarantined, so nothing is lost: raise the limit and replay it) rather than turned into
 *     an unbounded number of events.</li>
 * </ul>
 *
 * @param perCommit patch characters kept per commit ({@code max_patch}, default 65,536)
 * @param perMail patch characters kept over all commits of one mail ({@code max_patch_total},
 *     default 1,048,576)
 * @param events commit events one mail may give ({@code max_events}, default 10,000)
 */
public record ScmLimits(int perCommit, int perMail, int events) {
    /** The setting keys. */
    public static final Set<String> KEYS = Set.of("max_patch", "max_patch_total", "max_events");
    /** The defaults. */
    public static final ScmLimits DEFAULT = new ScmLimits(64 * 1024, 1024 * 1024, 10_000);

    public ScmLimits {
        if (perCommit < 0 || perMail < 0 || events < 1) {
            throw new IllegalArgumentException("patch limits must not be negative, max_events must be positive");
        }
    }

    /** Reads {@code max_patch}, {@code max_patch_total} and {@code max_events}. */
    static ScmLimits from(ParserSettings s) throws ParserConfigException {
        long per = s.integer("max_patch", DEFAULT.perCommit);
        long total = s.integer("max_patch_total", DEFAULT.perMail);
        long events = s.integer("max_events", DEFAULT.events);
        if (per < 0 || per > Integer.MAX_VALUE || total < 0 || total > Integer.MAX_VALUE) {
            throw new ParserConfigException("max_patch and max_patch_total must be between 0 and " + Integer.MAX_VALUE);
        }
        if (events < 1 || events > Integer.MAX_VALUE) {
            throw new ParserConfigException("max_events must be between 1 and " + Integer.MAX_VALUE);
        }
        return new ScmLimits((int) per, (int) total, (int) events);
    }

    /** A fresh budget for one mail. */
    public MailBudget budget() {
        return new MailBudget(perCommit, perMail, events);
    }
}
