package org.mailbridge.parse.bugzilla;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the two-column field table of a new-bug mail:
 * <pre>
 *             Bug ID: 4242
 *            Summary: Widget daemon crashes at startup when its config file
 *                     is empty or missing
 * </pre>
 * Bugzilla formats each row with {@code %19s %-55s}: the label and its colon right-aligned in 19
 * characters (wrapped at 18), the value wrapped at 54 and continued on lines indented by 20.
 * The table ends at the first blank line.
 */
final class NewBugTable {
    static final int LABEL = 18;
    static final int VALUE = 54;
    private static final int GAP = 19;

    /**
     * The rows and where the table ends.
     *
     * @param rows label (without its colon) and value, in order
     * @param end the index of the first line after the table
     */
    record Result(List<TableRow> rows, int end) {
    }

    private NewBugTable() {
    }

    /** Whether a line looks like the first row of a new-bug table. */
    static boolean isRow(String line) {
        return Wrapped.codePointAt(line, GAP - 1) == ':' && Wrapped.codePointAt(line, GAP) == ' '
                && !Wrapped.strip(Wrapped.columns(line, 0, GAP - 1)).isEmpty();
    }

    /** Reads the table starting at {@code start}. */
    static Result read(List<String> lines, int start) throws BugmailException {
        List<Wrapped[]> rows = new ArrayList<>();
        boolean labelDone = true;
        int i = start;
        for (; i < lines.size() && !BodyText.blank(lines.get(i)); i++) {
            String line = lines.get(i);
            int gap = Wrapped.codePointAt(line, GAP);
            if (gap != ' ' && gap != -1) {
                throw new BugmailException("new-bug table line " + (i + 1) + " is not a table row");
            }
            String label = Wrapped.strip(Wrapped.columns(line, 0, GAP));
            String value = Wrapped.columns(line, GAP + 1, Integer.MAX_VALUE);
            if (!label.isEmpty() && labelDone) {
                rows.add(new Wrapped[] {new Wrapped(LABEL), new Wrapped(VALUE)});
            } else if (rows.isEmpty()) {
                throw new BugmailException("new-bug table at line " + (i + 1) + " starts with a continuation line");
            }
            Wrapped[] row = rows.get(rows.size() - 1);
            if (!label.isEmpty()) {
                row[0].add(label);
                labelDone = label.endsWith(":");
            }
            row[1].add(value);
        }
        if (!labelDone) {
            throw new BugmailException("new-bug table ends inside a wrapped label at line " + i);
        }
        List<TableRow> out = new ArrayList<>(rows.size());
        for (Wrapped[] r : rows) {
            String label = r[0].value();
            label = label.substring(0, label.length() - 1);
            out.add(new TableRow(label, "", r[1].value(FieldNames.isList(label))));
        }
        return new Result(out, i);
    }
}
