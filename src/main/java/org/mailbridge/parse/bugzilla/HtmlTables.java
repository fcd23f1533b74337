package org.mailbridge.parse.bugzilla;

import java.util.ArrayList;
import java.util.List;

/**
 * The tables of a bugmail's {@code text/html} alternative, whose cells hold the values unwrapped.
 * Change rows are {@code <tr>} with three {@code <td>} (label, removed, added); new-bug rows are
 * one {@code <th>} (label) and one {@code <td>} (value). Bugzilla writes these tags itself and
 * escapes every value, so a linear scan for the tags is exact; no HTML parser is needed.
 */
final class HtmlTables {
    private HtmlTables() {
    }

    /** The change rows, in document order. */
    static List<TableRow> changeRows(String html) {
        List<TableRow> out = new ArrayList<>();
        for (Row r : rows(html)) {
            if (r.headers == 0 && r.cells.size() == 3) {
                out.add(new TableRow(r.cells.get(0), r.cells.get(1), r.cells.get(2)));
            }
        }
        return out;
    }

    /** The new-bug rows (label, "", value), in document order. */
    static List<TableRow> fieldRows(String html) {
        List<TableRow> out = new ArrayList<>();
        for (Row r : rows(html)) {
            if (r.headers == 1 && r.cells.size() == 2) {
                out.add(new TableRow(r.cells.get(0), "", r.cells.get(1)));
            }
        }
        return out;
    }

    private record Row(List<String> cells, int headers) {
    }

    private static List<Row> rows(String html) {
        List<Row> rows = new ArrayList<>();
        int i = 0;
        while ((i = find(html, "<tr", i, html.length())) >= 0) {
            int end = find(html, "</tr>", i, html.length());
            if (end < 0) {
                break;
            }
            List<String> cells = new ArrayList<>();
            int headers = 0;
            int c = i + 3;
            // One forward pass over the row: every step moves past the tag or cell it looked at.
            while (true) {
                int open = html.indexOf('<', c);
                if (open < 0 || open >= end) {
                    break;
                }
                boolean td = html.regionMatches(true, open, "<td", 0, 3);
                boolean th = html.regionMatches(true, open, "<th", 0, 3);
                if (!td && !th) {
                    c = open + 1;
                    continue;
                }
                int close = find(html, th ? "</th>" : "</td>", open, end);
                int gt = html.indexOf('>', open);
                if (close < 0 || gt < 0 || gt > close) {
                    break;
                }
                cells.add(text(html.substring(gt + 1, close)));
                headers += th ? 1 : 0;
                c = close + 5;
            }
            rows.add(new Row(cells, headers));
            i = end + 5;
        }
        return rows;
    }

    /** Cell text: tags dropped, entities decoded, no-break spaces made spaces, ends stripped. */
    static String text(String cell) {
        StringBuilder sb = new StringBuilder(cell.length());
        for (int i = 0; i < cell.length(); i++) {
            char ch = cell.charAt(i);
            if (ch == '<') {
                int gt = cell.indexOf('>', i);
                if (gt < 0) {
                    break;
                }
                i = gt;
            } else if (ch == '&') {
                int semi = semicolon(cell, i);
                String decoded = semi > i ? entity(cell.substring(i + 1, semi)) : null;
                if (decoded == null) {
                    sb.append(ch);
                } else {
                    sb.append(decoded);
                    i = semi;
                }
            } else {
                sb.append(ch);
            }
        }
        return Wrapped.strip(sb.toString().replace('\u00a0', ' '));
    }

    /** The ';' that ends an entity starting at {@code amp}, looked for only as far as entities go. */
    private static int semicolon(String s, int amp) {
        int last = Math.min(s.length(), amp + 11);
        for (int k = amp + 1; k < last; k++) {
            if (s.charAt(k) == ';') {
                return k;
            }
        }
        return -1;
    }

    private static String entity(String name) {
        switch (name) {
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            case "apos": return "'";
            case "nbsp": return " ";
            default: break;
        }
        if (name.length() > 1 && name.charAt(0) == '#') {
            try {
                int cp = name.charAt(1) == 'x' || name.charAt(1) == 'X'
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Case-insensitive indexOf of a needle that ends at or before {@code limit}. */
    private static int find(String s, String needle, int from, int limit) {
        int last = Math.min(s.length(), limit) - needle.length();
        char first = needle.charAt(0);
        for (int i = Math.max(0, from); i <= last; i++) {
            if (s.charAt(i) == first && s.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }
}
