package org.mailbridge.parse.scm.git;

import java.util.ArrayList;
import java.util.List;

import org.mailbridge.parse.scm.LineCursor;

/**
 * The summary tables of a git-multimail ref-change mail, read after the intro. git-multimail
 * prints, per kind of change:
 * <ul>
 * <li>fast-forward: a {@code from} line, then {@code add}/{@code new} lines;</li>
 * <li>non-fast-forward: {@code omit}/{@code discard} lines, then {@code add}/{@code new} lines;</li>
 * <li>rewind: {@code omit}/{@code discard} lines only;</li>
 * <li>creation: an {@code at} line, then "This branch includes the following new commits:" and
 *     {@code new} lines; deletion: a {@code was} line, then "This change permanently discards
 *     the following revisions:" and {@code discard} lines;</li>
 * <li>tags: {@code at}, {@code tagging}, {@code by}, {@code on} lines and the tag message.</li>
 * </ul>
 * Only those tables are read: prose, graphs, {@code - Log -} blocks and diffstats are skipped,
 * so a commit subject starting with "new" in a log is never taken for a summary line.
 *
 * @param commits the {@code new} and {@code add} entries with a readable revision, in order
 * @param forced true when {@code omit}/{@code discard} lines show dropped revisions, false when
 *     a {@code from} line shows a fast-forward, null when the mail shows neither
 * @param complete whether every entry could be read and no table was cut by {@code emailmaxlines}
 */
record MultimailSummary(List<RefChange.Commit> commits, Boolean forced, boolean complete) {
    private static final String INCLUDES = " includes the following new commits:";
    private static final String DISCARDS = "This change permanently discards the following revisions:";

    /** Reads the tables from the cursor to the mail's footer. */
    static MultimailSummary read(LineCursor c) {
        State s = new State();
        s.table(c);
        while (c.hasNext()) {
            String line = c.next();
            if (line.equals("-- ")) {
                break;
            }
            if (isSuppressed(line)) {
                s.complete &= s.tablesEnded;
            } else if (line.endsWith(INCLUDES) || line.equals(DISCARDS)) {
                s.table(c);
            } else if (!line.isBlank()) {
                s.tablesEnded = true;
            }
        }
        return new MultimailSummary(s.commits, s.forced, s.complete);
    }

    /** git-multimail's and post-receive-email's {@code ... N lines suppressed ...}. */
    static boolean isSuppressed(String line) {
        return line.startsWith("... ") && line.endsWith(" lines suppressed ...");
    }

    private static final class State {
        private final List<RefChange.Commit> commits = new ArrayList<>();
        private Boolean forced;
        private boolean complete = true;
        private boolean tablesEnded;

        /** Reads one table: blank lines, then summary lines up to the first other line. */
        void table(LineCursor c) {
            while (c.hasNext() && (c.peek().isBlank() || c.peek().startsWith("*** WARNING: tag "))) {
                c.next();
            }
            while (c.hasNext()) {
                SummaryLine l = SummaryLine.parse(c.peek());
                if (l == null) {
                    return;
                }
                c.next();
                entry(l);
            }
        }

        private void entry(SummaryLine l) {
            switch (l.action()) {
                case "new", "add" -> {
                    if (l.rev() == null) {
                        complete = false;
                    } else {
                        commits.add(new RefChange.Commit(l.rev(), l.cut() ? "" : l.text()));
                        complete &= !l.cut();
                    }
                }
                case "omit", "discard" -> forced = Boolean.TRUE;
                case "from" -> {
                    if (forced == null) {
                        forced = Boolean.FALSE;
                    }
                }
                default -> { } // at, was, tagging, by, on, to: described by the headers
            }
        }
    }
}
