package org.mailbridge.parse.scm.git;

import org.mailbridge.parse.scm.LineCursor;

/**
 * The opening of every git-multimail body:
 * <pre>
 * This is an automated email from the git hooks/post-receive script.
 *
 * pushuser pushed a change to branch master
 * in repository test-repo.
 * </pre>
 * ({@code pushed a commit to} in per-commit and combined mails). Old versions, and sites that
 * trimmed the template, start directly with the pusher line.
 *
 * @param pusher who pushed
 * @param refType the reference type as written: {@code branch}, {@code tag},
 *     {@code annotated tag} or {@code reference}
 * @param shortRef the reference's short name as written
 * @param repo the repository as written, or empty
 */
record MultimailIntro(String pusher, String refType, String shortRef, String repo) {
    static final String AUTOMATED = "This is an automated email from the git hooks/post-receive script.";
    private static final String[] VERBS = {" pushed a change to ", " pushed a commit to "};
    private static final String[] TYPES = {"annotated tag ", "tracking branch ", "branch ", "tag ", "reference "};
    /** How many lines to look at for the pusher line: it is at the top of the body. */
    private static final int SEARCH_LINES = 12;

    /** Whether the body opens like a git-multimail body (looked at within its first lines). */
    static boolean opens(String body) {
        LineCursor c = new LineCursor(body);
        for (int i = 0; i < SEARCH_LINES && c.hasNext(); i++) {
            if (verbAt(c.next()) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the intro, leaving the cursor after the {@code in repository} line.
     *
     * @return the intro, or null when the body does not open with one
     */
    static MultimailIntro read(LineCursor c) {
        for (int i = 0; i < SEARCH_LINES && c.hasNext(); i++) {
            String line = c.next();
            int verb = verbAt(line);
            if (verb < 0) {
                continue;
            }
            String pusher = line.substring(0, verb).strip();
            String rest = line.substring(line.indexOf(" to ", verb) + 4);
            String type = "";
            for (String t : TYPES) {
                if (rest.startsWith(t)) {
                    type = t.strip();
                    rest = rest.substring(t.length());
                    break;
                }
            }
            String repo = "";
            if (c.hasNext() && c.peek().startsWith("in repository ")) {
                repo = c.next().substring("in repository ".length()).strip();
                if (repo.endsWith(".")) {
                    repo = repo.substring(0, repo.length() - 1);
                }
            }
            return new MultimailIntro(pusher, type, rest.strip(), repo);
        }
        return null;
    }

    private static int verbAt(String line) {
        for (String v : VERBS) {
            int i = line.indexOf(v);
            if (i > 0) {
                return i;
            }
        }
        return -1;
    }
}
