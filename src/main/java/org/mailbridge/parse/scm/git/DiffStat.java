package org.mailbridge.parse.scm.git;

import java.util.ArrayList;
import java.util.List;

import org.mailbridge.parse.scm.LineCursor;

/**
 * A {@code git diff --stat} block: one line per file ({@code  a.txt | 2 +-}), a summary line
 * ({@code  1 file changed, 1 insertion(+), 1 deletion(-)}) and, with {@code --summary}, lines
 * such as {@code  create mode 100644 b.txt}. The graph of a file line is scaled down when it
 * would be wide, so its {@code +} and {@code -} give the split only when they add up to the count.
 *
 * @param files the file lines, in order
 * @param total the summary line, or null when the mail does not show it
 */
record DiffStat(List<Entry> files, Total total) {
    /**
     * One file line.
     *
     * @param path the path as printed (long paths may be shortened with {@code ...})
     * @param lines lines changed, 0 for a binary file
     * @param plus {@code +} signs in the graph
     * @param minus {@code -} signs in the graph
     */
    record Entry(String path, int lines, int plus, int minus) {
        /** Whether the graph shows every changed line. */
        boolean exact() {
            return plus + minus == lines;
        }
    }

    /**
     * The summary line.
     *
     * @param files files changed
     * @param insertions lines added
     * @param deletions lines removed
     */
    record Total(int files, int insertions, int deletions) {
    }

    /** Whether a line looks like the first line of a stat block. */
    static boolean isStatLine(String line) {
        return line.startsWith(" ") && (line.contains(" | ") || total(line) != null);
    }

    /** Reads the block from the cursor's next line, up to the first line that is not part of it. */
    static DiffStat read(LineCursor c) {
        List<Entry> files = new ArrayList<>();
        Total total = null;
        while (c.hasNext()) {
            String line = c.peek();
            if (!line.startsWith(" ")) {
                break;
            }
            int bar = line.lastIndexOf(" | ");
            Total t = bar < 0 ? total(line) : null;
            if (bar > 0) {
                files.add(entry(line.substring(0, bar), line.substring(bar + 3)));
            } else if (t != null) {
                total = t;
            } else if (!isSummaryDetail(line)) {
                break;
            }
            c.next();
        }
        return new DiffStat(files, total);
    }

    private static Entry entry(String path, String graph) {
        String g = graph.strip();
        String p = GitPaths.unquote(path.strip());
        if (g.startsWith("Bin")) {
            return new Entry(p, 0, 0, 0);
        }
        int i = 0;
        int n = 0;
        while (i < g.length() && Character.isDigit(g.charAt(i)) && i < 9) {
            n = n * 10 + (g.charAt(i++) - '0');
        }
        int plus = 0;
        int minus = 0;
        for (; i < g.length(); i++) {
            if (g.charAt(i) == '+') {
                plus++;
            } else if (g.charAt(i) == '-') {
                minus++;
            }
        }
        return new Entry(p, n, plus, minus);
    }

    private static boolean isSummaryDetail(String line) {
        String s = line.strip();
        return s.startsWith("create mode ") || s.startsWith("delete mode ") || s.startsWith("rename ")
                || s.startsWith("copy ") || s.startsWith("mode change ") || s.startsWith("rewrite ");
    }

    /** Reads {@code  N file(s) changed[, N insertion(s)(+)][, N deletion(s)(-)]}, or null. */
    static Total total(String line) {
        String rest = line.strip();
        int files = -1;
        int ins = 0;
        int del = 0;
        for (int k = 0; k < 3 && !rest.isEmpty(); k++) {
            int comma = rest.indexOf(", ");
            String part = comma < 0 ? rest : rest.substring(0, comma);
            rest = comma < 0 ? "" : rest.substring(comma + 2);
            int sp = part.indexOf(' ');
            if (sp <= 0 || sp > 9 || !allDigits(part.substring(0, sp))) {
                return null;
            }
            int n = Integer.parseInt(part.substring(0, sp));
            String word = part.substring(sp + 1);
            if (word.startsWith("file")) {
                files = n;
            } else if (word.startsWith("insertion")) {
                ins = n;
            } else if (word.startsWith("deletion")) {
                del = n;
            } else {
                return null;
            }
        }
        return files < 0 || !rest.isEmpty() ? null : new Total(files, ins, del);
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
