package org.mailbridge.parse.scm.git;

import java.util.ArrayList;
import java.util.List;

import org.mailbridge.parse.scm.LineCursor;
import org.mailbridge.parse.scm.MailBudget;

/**
 * Reads a git diff ({@code diff --git}, or the combined {@code diff --cc} of a merge) and counts
 * the lines each file gains and loses. Hunk headers say how many lines each hunk holds, so the
 * reader knows exactly where a diff ends: a mail's footer ({@code -- }) or a line the mailer
 * put after a cut ({@code ... 9 lines suppressed ...}) is never mistaken for diff content.
 * A diff that stops inside a hunk is reported incomplete.
 */
final class DiffReader {
    private static final String[] HEADER_PREFIXES = {"index ", "new file mode", "deleted file mode", "old mode",
        "new mode", "mode ", "similarity index", "dissimilarity index", "rename from ", "rename to ", "copy from ",
        "copy to ", "Binary files ", "--- ", "+++ "};

    private DiffReader() {
    }

    /**
     * One file of the diff.
     *
     * @param path the file's path after the change (its old path when deleted)
     * @param additions lines added
     * @param deletions lines removed
     * @param complete whether the mail shows the file's diff to its end
     */
    record FileChange(String path, int additions, int deletions, boolean complete) {
    }

    /**
     * What a diff showed.
     *
     * @param files the files, in diff order
     * @param complete whether the diff ended where git ended it (not cut by the mailer)
     * @param combined whether it is a merge's combined diff, whose counts are not per parent
     */
    record Result(List<FileChange> files, boolean complete, boolean combined) {
    }

    /** Whether a line starts a file of a diff. */
    static boolean isFileStart(String line) {
        return line.startsWith("diff --git ") || line.startsWith("diff --cc ") || line.startsWith("diff --combined ");
    }

    /** Reads from a {@link #isFileStart} line to the first line that is not part of the diff. */
    static Result read(LineCursor c, MailBudget.Buffer patch) {
        List<FileChange> files = new ArrayList<>();
        boolean complete = true;
        boolean combined = false;
        while (c.hasNext() && isFileStart(c.peek())) {
            String header = c.next();
            patch.line(header);
            combined |= !header.startsWith("diff --git ");
            FileState f = new FileState(GitPaths.ofDiffHeader(header));
            readHeaderLines(c, patch, f);
            boolean ok = true;
            while (ok && c.hasNext() && c.peek().startsWith("@@")) {
                ok = readHunk(c, patch, f);
            }
            files.add(new FileChange(f.path, f.additions, f.deletions, ok));
            if (!ok) {
                complete = false;
                break;
            }
        }
        return new Result(files, complete, combined);
    }

    private static void readHeaderLines(LineCursor c, MailBudget.Buffer patch, FileState f) {
        while (c.hasNext()) {
            String line = c.peek();
            if (line.startsWith("+++ ")) {
                String p = GitPaths.stripSide(line.substring(4));
                if (!p.equals("/dev/null")) {
                    f.path = p;
                }
            } else if (line.startsWith("rename to ") || line.startsWith("copy to ")) {
                f.path = GitPaths.unquote(line.substring(line.indexOf(" to ") + 4));
            } else if (!isHeaderLine(line)) {
                return;
            }
            patch.line(c.next());
        }
    }

    private static boolean isHeaderLine(String line) {
        for (String p : HEADER_PREFIXES) {
            if (line.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** Reads one hunk; false when the diff stops before the hunk's announced end. */
    private static boolean readHunk(LineCursor c, MailBudget.Buffer patch, FileState f) {
        String header = c.next();
        patch.line(header);
        int[] counts = HunkHeader.counts(header);
        if (counts == null) {
            return false;
        }
        int parents = counts.length - 1;
        while (remaining(counts)) {
            String line = c.peek();
            if (line == null || !isHunkLine(line, parents)) {
                return false;
            }
            patch.line(c.next());
            if (line.startsWith("\\")) {
                continue; // "\ No newline at end of file"
            }
            count(line, parents, counts, f);
        }
        return true;
    }

    private static boolean remaining(int[] counts) {
        for (int n : counts) {
            if (n > 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHunkLine(String line, int parents) {
        if (line.isEmpty() || line.startsWith("\\")) {
            return true; // an empty context line whose space a mail system stripped
        }
        for (int i = 0; i < Math.min(parents, line.length()); i++) {
            char ch = line.charAt(i);
            if (ch != ' ' && ch != '+' && ch != '-') {
                return false;
            }
        }
        return true;
    }

    /**
     * Counts one hunk line. Column {@code i} of the prefix speaks of parent {@code i}: a line
     * with a {@code -} anywhere is not in the result and is in exactly the parents marked
     * {@code -}; any other line is in the result and in the parents marked {@code ' '}.
     */
    private static void count(String line, int parents, int[] counts, FileState f) {
        boolean removed = false;
        boolean added = false;
        for (int i = 0; i < parents; i++) {
            char ch = column(line, i);
            removed |= ch == '-';
            added |= ch == '+';
        }
        for (int i = 0; i < parents; i++) {
            char ch = column(line, i);
            if (removed ? ch == '-' : ch == ' ') {
                counts[i]--;
            }
        }
        if (removed) {
            f.deletions++;
        } else {
            counts[parents]--;
            if (added) {
                f.additions++;
            }
        }
    }

    private static char column(String line, int i) {
        return i < line.length() ? line.charAt(i) : ' ';
    }

    private static final class FileState {
        private String path;
        private int additions;
        private int deletions;

        private FileState(String path) {
            this.path = path;
        }
    }
}
