package org.mailbridge.parse.scm;

import java.util.Set;

import org.mailbridge.spi.ParserConfigException;
import org.mailbridge.spi.ParserSettings;

/**
 * How much diff text a commit event may carry in {@code commit.patch}. A push mail may hold
 * thousands of commits and megabytes of diff; copying all of it into events would multiply the
 * mail's size in memory and on the bus. Each commit's patch is cut (at a line end) after
 * {@code max_patch} characters, and one mail's patches together after {@code max_patch_total};
 * a cut patch is flagged in {@code mailbridge.patch_truncated}. Statistics are still counted
 * over the whole diff the mail shows.
 *
 * @param perCommit characters kept per commit ({@code max_patch}, default 65,536)
 * @param perMail characters kept over all commits of one mail ({@code max_patch_total},
 *     default 1,048,576)
 */
public record PatchLimits(int perCommit, int perMail) {
    /** The setting keys. */
    public static final Set<String> KEYS = Set.of("max_patch", "max_patch_total");
    /** The defaults. */
    public static final PatchLimits DEFAULT = new PatchLimits(64 * 1024, 1024 * 1024);

    public PatchLimits {
        if (perCommit < 0 || perMail < 0) {
            throw new IllegalArgumentException("patch limits must not be negative");
        }
    }

    /** Reads {@code max_patch} and {@code max_patch_total}. */
    static PatchLimits from(ParserSettings s) throws ParserConfigException {
        long per = s.integer("max_patch", DEFAULT.perCommit);
        long total = s.integer("max_patch_total", DEFAULT.perMail);
        if (per < 0 || per > Integer.MAX_VALUE || total < 0 || total > Integer.MAX_VALUE) {
            throw new ParserConfigException("max_patch and max_patch_total must be between 0 and "
                    + Integer.MAX_VALUE);
        }
        return new PatchLimits((int) per, (int) total);
    }

    /** A fresh budget for one mail. */
    public PatchBudget budget() {
        return new PatchBudget(perCommit, perMail);
    }
}
