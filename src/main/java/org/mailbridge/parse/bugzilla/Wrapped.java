package org.mailbridge.parse.bugzilla;

import java.util.ArrayList;
import java.util.List;

/**
 * A value that Bugzilla's column formatter (Text::Wrap with {@code huge = 'wrap'}) spread over
 * several lines, put back together. Text::Wrap breaks at a white space character, which it
 * drops, and cuts a word only when the first {@code width} characters hold no white space.
 * So a piece that fills its column with no white space in it was cut mid-word and joins the
 * next without a space; every other piece joins with one. (A word of exactly {@code width}
 * characters followed by a space looks the same as a cut; the HTML part, when present, settles
 * that case. In list fields, whose values Bugzilla joins with {@code ", "}, a piece that ends in
 * a comma was broken at the space after it.)
 */
final class Wrapped {
    private final int width;
    private final List<String> pieces = new ArrayList<>();
    private long length;

    /** @param width the most characters a piece can have: the column width minus one */
    Wrapped(int width) {
        this.width = width;
    }

    /** Adds the next piece; blank pieces (the column had nothing on that line) are skipped. */
    void add(String piece) {
        String p = stripTrailing(piece);
        if (!p.isEmpty()) {
            pieces.add(p);
            length += p.length() + 1;
        }
    }

    /** About how long the value is (pieces plus one separator each), without building it. */
    long length() {
        return length;
    }

    /** The last piece added, or the empty string. */
    String last() {
        return pieces.isEmpty() ? "" : pieces.get(pieces.size() - 1);
    }

    /** The value, pieces joined by the rule above. */
    String value() {
        return value(false);
    }

    /**
     * The value, pieces joined by the rule above.
     *
     * @param list whether the value is a {@code ", "}-separated list
     */
    String value(boolean list) {
        StringBuilder sb = new StringBuilder();
        String prev = null;
        for (String p : pieces) {
            if (prev != null && (!wasCut(prev, width) || list && prev.endsWith(","))) {
                sb.append(' ');
            }
            sb.append(p);
            prev = p;
        }
        return sb.toString();
    }

    /** Whether a piece filled its column without white space: a mid-word cut. */
    static boolean wasCut(String piece, int width) {
        if (piece.codePointCount(0, piece.length()) < width) {
            return false;
        }
        for (int i = 0; i < piece.length(); i++) {
            if (Character.isWhitespace(piece.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Strips trailing white space, including the no-break space of HTML cells. */
    static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && (Character.isWhitespace(s.charAt(end - 1)) || s.charAt(end - 1) == '\u00a0')) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Strips white space (including no-break spaces) at both ends. */
    static String strip(String s) {
        String t = stripTrailing(s);
        int start = 0;
        while (start < t.length() && (Character.isWhitespace(t.charAt(start)) || t.charAt(start) == '\u00a0')) {
            start++;
        }
        return t.substring(start);
    }

    /**
     * The code points {@code [from, to)} of a line as a string ({@code to} past the end means to
     * the end); Bugzilla pads its columns by characters, not by UTF-16 units.
     */
    static String columns(String line, int from, int to) {
        int n = line.codePointCount(0, line.length());
        if (from >= n) {
            return "";
        }
        int b = line.offsetByCodePoints(0, from);
        int e = to >= n ? line.length() : line.offsetByCodePoints(b, to - from);
        return line.substring(b, e);
    }

    /** The code point at a character position, or -1 past the end. */
    static int codePointAt(String line, int index) {
        int n = line.codePointCount(0, line.length());
        return index < n ? line.codePointAt(line.offsetByCodePoints(0, index)) : -1;
    }
}
