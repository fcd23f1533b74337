package org.mailbridge.parse.scm.git;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.mailbridge.parse.scm.Person;

/**
 * One commit as {@code git log}/{@code git show} prints it in a mail: the {@code commit <sha>}
 * line, the header lines, the indented message, then optionally a diffstat and a diff.
 *
 * @param rev the full commit id
 * @param parents the abbreviated parent ids of a merge ({@code Merge:} line), else empty
 * @param author the author
 * @param date the commit date when shown ({@code CommitDate:}), else the author date
 * @param message the message, indentation removed, without trailing blank lines
 * @param stats the statistics derived from the diffstat and diff
 * @param patch the diff text, possibly cut (see {@code ScmLimits})
 * @param patchCut whether {@code patch} was cut
 */
record CommitBlock(String rev, List<String> parents, Person author, Optional<OffsetDateTime> date, String message,
                   CommitStats stats, String patch, boolean patchCut) {
    CommitBlock {
        Objects.requireNonNull(rev, "rev");
        parents = List.copyOf(parents);
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(patch, "patch");
    }

    /** Whether the commit is a merge. */
    boolean isMerge() {
        return parents.size() > 1;
    }
}
