package org.mailbridge.parse.scm.git;

import java.util.List;
import java.util.Objects;

import org.mailbridge.spi.Unknowns;

/**
 * One reference change as a ref-change mail describes it.
 *
 * @param repo the repository
 * @param ref the full reference name, {@code refs/heads/main}
 * @param refType {@code branch}, {@code tag} or {@code other}
 * @param annotated for a tag, whether it is an annotated tag object; null for other references
 *     and when the mail does not say
 * @param oldRev the full id before the change (all zeros for a creation)
 * @param newRev the full id after the change (all zeros for a deletion)
 * @param forced whether existing revisions were dropped from the reference (a non-fast-forward
 *     or rewinding update)
 * @param agent who pushed, or empty
 * @param commits the commits the change added to the reference, in the mail's order
 * @param unknowns paths inside the body whose value the mail does not carry
 */
record RefChange(GitRepo repo, String ref, String refType, Boolean annotated, String oldRev, String newRev,
                 boolean forced, String agent, List<Commit> commits, Unknowns unknowns) {
    RefChange {
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(refType, "refType");
        Objects.requireNonNull(oldRev, "oldRev");
        Objects.requireNonNull(newRev, "newRev");
        Objects.requireNonNull(agent, "agent");
        commits = List.copyOf(commits);
        Objects.requireNonNull(unknowns, "unknowns");
    }

    /**
     * A commit of the change.
     *
     * @param rev the id as the mail prints it (often abbreviated)
     * @param summary its subject, or empty when the mail does not show it
     */
    record Commit(String rev, String summary) {
    }

    /** {@code create}, {@code update} or {@code delete}. */
    String changeType() {
        if (GitRevs.isZero(oldRev)) {
            return "create";
        }
        return GitRevs.isZero(newRev) ? "delete" : "update";
    }

    /** The reference name without {@code refs/heads/}, {@code refs/tags/} or {@code refs/remotes/}. */
    String shortName() {
        return shortName(ref);
    }

    /** {@link #shortName()} for any reference. */
    static String shortName(String ref) {
        for (String p : List.of("refs/heads/", "refs/tags/", "refs/remotes/")) {
            if (ref.startsWith(p)) {
                return ref.substring(p.length());
            }
        }
        return ref;
    }

    /** {@code branch}, {@code tag} or {@code other}, from the reference's name. */
    static String typeOf(String ref) {
        if (ref.startsWith("refs/heads/")) {
            return "branch";
        }
        return ref.startsWith("refs/tags/") ? "tag" : "other";
    }
}
