package org.mailbridge.parse.bugzilla;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the three-column change table of bugmail:
 * <pre>
 *            What    |Removed                     |Added
 * ----------------------------------------------------------------------------
 *           Assignee|triage@bugs.example.org     |maintainer-widget-team@exam
 *                   |                            |ple.org
 * </pre>
 * Bugzilla formats each row with {@code %19s|%-28s|%-28s}, each cell wrapped on its own to 18,
 * 27 and 27 characters, the cells' lines zipped and trailing white space stripped. So the pipes
 * sit at character positions 19 and 48 of every row line, and a row continues while its label
 * cell is blank (or holds the rest of a wrapped label). Scanning is one pass over the lines.
 */
final class ChangeTable {
    static final int LABEL = 18;
    static final int VALUE = 27;
    private static final int PIPE1 = 19;
    private static final int PIPE2 = 48;
    /** Longer than any label {@link FieldNames} knows ("Attachment #123456789012 is obsolete"). */
    private static final int LONGEST_KNOWN_LABEL = 64;

    /**
     * The rows of a table and where it ends.
     *
     * @param rows the rows, in order
     * @param end the index of the first line after the table
     */
    record Result(List<TableRow> rows, int end) {
    }

    private ChangeTable() {
    }

    /** Whether a line is a change table's header row (4.2+ "Removed/Added", 4.0 "Old Value/New Value"). */
    static boolean isHeader(String line) {
        String s = line.strip();
        return s.startsWith("What") && (s.contains("|Removed") && s.contains("|Added")
                || s.contains("|Old Value") && s.contains("|New Value"));
    }

    /** Reads the table whose header row is at {@code header}. */
    static Result read(List<String> lines, int header) throws BugmailException {
        int i = header + 1;
        if (i >= lines.size() || !lines.get(i).strip().startsWith("----------")) {
            throw new BugmailException("change table header at line " + (header + 1) + " has no rule line under it");
        }
        List<Builder> rows = new ArrayList<>();
        for (i++; i < lines.size() && !BodyText.blank(lines.get(i)); i++) {
            String line = lines.get(i);
            int pipe2 = secondPipe(line);
            if (Wrapped.codePointAt(line, PIPE1) != '|' || pipe2 < 0) {
                throw new BugmailException("change table row at line " + (i + 1) + " is cut short or not a row: '"
                        + abbreviate(line) + "'");
            }
            String label = Wrapped.strip(Wrapped.columns(line, 0, PIPE1));
            Builder current = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            if (!label.isEmpty() && (current == null || !continuesLabel(current, label))) {
                current = new Builder();
                rows.add(current);
            } else if (current == null) {
                throw new BugmailException("change table at line " + (i + 1) + " starts with a continuation line");
            }
            current.label.add(label);
            current.removed.add(Wrapped.columns(line, PIPE1 + 1, pipe2));
            current.added.add(Wrapped.columns(line, pipe2 + 1, Integer.MAX_VALUE));
        }
        if (rows.isEmpty()) {
            throw new BugmailException("change table at line " + (header + 1) + " has no rows");
        }
        return new Result(rows.stream().map(Builder::build).toList(), i);
    }

    /**
     * The second pipe: at position 48, or later when a removed value overflowed its padding
     * (combining characters count as one column for Text::Wrap but not for sprintf).
     */
    private static int secondPipe(String line) {
        if (Wrapped.codePointAt(line, PIPE2) == '|') {
            return PIPE2;
        }
        int n = line.codePointCount(0, line.length());
        for (int k = PIPE2 + 1; k < n && k < PIPE2 + 16; k++) {
            if (Wrapped.codePointAt(line, k) == '|') {
                return k;
            }
        }
        return -1;
    }

    /**
     * Whether a label piece continues the previous row's label. Text::Wrap fills lines greedily,
     * so a piece whose first word would have fit after the previous piece starts a new row. So
     * does a piece that starts a scoped label ({@code Attachment #N}, {@code Comment #N}), and
     * one that follows a complete known label or is a label of its own, where the joined text
     * is no label.
     */
    private static boolean continuesLabel(Builder row, String piece) {
        String prev = row.label.last();
        if (prev.isEmpty() || piece.startsWith("Attachment #") || piece.startsWith("Comment #")) {
            return false;
        }
        int sp = piece.indexOf(' ');
        String firstWord = sp < 0 ? piece : piece.substring(0, sp);
        if (prev.length() + 1 + firstWord.length() <= LABEL) {
            return false;
        }
        if (row.label.length() > LONGEST_KNOWN_LABEL) {
            return !FieldNames.known(piece); // no known label is this long: the text stays unbuilt
        }
        String current = row.label.value();
        String joined = current + " " + piece;
        if (FieldNames.known(joined)) {
            return true;
        }
        return !FieldNames.known(current) && !FieldNames.known(piece);
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    private static final class Builder {
        final Wrapped label = new Wrapped(LABEL);
        final Wrapped removed = new Wrapped(VALUE);
        final Wrapped added = new Wrapped(VALUE);

        TableRow build() {
            String l = label.value();
            boolean list = FieldNames.isList(l);
            return new TableRow(l, removed.value(list), added.value(list));
        }
    }
}
