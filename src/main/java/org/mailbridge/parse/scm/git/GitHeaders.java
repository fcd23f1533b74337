package org.mailbridge.parse.scm.git;

import org.mailbridge.parse.scm.MalformedScmMail;
import org.mailbridge.spi.Mail;
import org.mailbridge.spi.Unknowns;

/**
 * The {@code X-Git-*} headers git-multimail and post-receive-email write (decoded: a non-ASCII
 * branch name arrives RFC 2047-encoded), completed from the body's own statement of the
 * reference and repository when a header is missing.
 *
 * @param repo the repository ({@code X-Git-Repo}, else the body's)
 * @param ref the full reference name ({@code X-Git-Refname})
 * @param refType {@code branch}, {@code tag} or {@code other}
 * @param annotated whether a tag is annotated; null for other references and when unknown
 * @param oldRev {@code X-Git-Oldrev}, or empty
 * @param newRev {@code X-Git-Newrev}, or empty
 */
record GitHeaders(GitRepo repo, String ref, String refType, Boolean annotated, String oldRev, String newRev) {

    /** Reads the headers of a git-multimail mail, with its intro as the fallback. */
    static GitHeaders of(Mail mail, MultimailIntro intro) throws MalformedScmMail {
        String repo = mail.header("X-Git-Repo").map(String::strip).orElse(intro.repo());
        String ref = mail.header("X-Git-Refname").map(String::strip).orElseGet(() -> fullRef(intro));
        if (ref.isEmpty()) {
            throw new MalformedScmMail("no X-Git-Refname, and the body names no reference");
        }
        String type = mail.header("X-Git-Reftype").map(String::strip).orElse(intro.refType());
        return of(mail, GitRepo.parse(repo), ref, type);
    }

    /** Reads the headers, given the repository and reference from elsewhere. */
    static GitHeaders of(Mail mail, GitRepo repo, String ref, String writtenType) {
        String type = RefChange.typeOf(ref);
        Boolean annotated = null;
        switch (writtenType) {
            case "annotated tag" -> annotated = Boolean.TRUE;
            case "tag" -> annotated = Boolean.FALSE;
            default -> { }
        }
        if (!type.equals("tag")) {
            annotated = null;
        }
        return new GitHeaders(repo, ref, type, annotated, rev(mail, "X-Git-Oldrev"), rev(mail, "X-Git-Newrev"));
    }

    /** Checks that the reference is named and both revisions are full ids. */
    void requireRevs() throws MalformedScmMail {
        if (ref.isEmpty()) {
            throw new MalformedScmMail("X-Git-Refname is empty");
        }
        if (!GitRevs.isFull(oldRev) || !GitRevs.isFull(newRev)) {
            throw new MalformedScmMail("X-Git-Oldrev/X-Git-Newrev are missing or not full object ids ('" + oldRev
                    + "', '" + newRev + "')");
        }
        if (GitRevs.isZero(oldRev) && GitRevs.isZero(newRev)) {
            throw new MalformedScmMail("X-Git-Oldrev and X-Git-Newrev are both the null id");
        }
    }

    /** What a ref event built from these headers does not know. */
    Unknowns refUnknowns() {
        Unknowns u = new Unknowns();
        if (refType.equals("tag") && annotated == null) {
            u.add("annotated");
        }
        return u;
    }

    /**
     * The branch as fedora_messaging_git_hook names it: the reference without its first two
     * components ({@code refs/heads/f40} is {@code f40}).
     */
    static String hookBranch(String ref) {
        if (!ref.startsWith("refs/")) {
            return ref;
        }
        int second = ref.indexOf('/', 5);
        return second < 0 ? ref : ref.substring(second + 1);
    }

    private static String rev(Mail mail, String header) {
        return mail.header(header).map(String::strip).orElse("");
    }

    private static String fullRef(MultimailIntro intro) {
        return switch (intro.refType()) {
            case "branch" -> "refs/heads/" + intro.shortRef();
            case "tag", "annotated tag" -> "refs/tags/" + intro.shortRef();
            case "reference" -> intro.shortRef(); // git-multimail writes other references in full
            default -> "";
        };
    }
}
