package org.mailbridge.parse.scm;

/**
 * Walks the lines of a mail body once, front to back, with a one-line look-ahead and the
 * possibility to step back to a remembered position. Line ends ({@code \n}, {@code \r\n}) are
 * not part of the lines. Every SCM reader works through this cursor, so that reading a body is
 * linear in its length whatever the body contains.
 */
public final class LineCursor {
    private final String text;
    private int pos;
    private int lineNumber;

    /** A cursor at the first line of {@code text}. */
    public LineCursor(String text) {
        this.text = text;
    }

    /** Whether a line is left. A text ending in a line break has no empty line after it. */
    public boolean hasNext() {
        return pos < text.length();
    }

    /** The next line without consuming it, or {@code null} at the end. */
    public String peek() {
        if (!hasNext()) {
            return null;
        }
        return lineAt(pos, endOf(pos));
    }

    /** Consumes and returns the next line, or {@code null} at the end. */
    public String next() {
        if (!hasNext()) {
            return null;
        }
        int end = endOf(pos);
        String line = lineAt(pos, end);
        pos = end < text.length() ? end + 1 : end;
        lineNumber++;
        return line;
    }

    /**
     * Whether the next line starts with {@code prefix} (which holds no line break): the same
     * answer as {@code peek().startsWith(prefix)}, without making the line.
     */
    public boolean nextStartsWith(String prefix) {
        return hasNext() && text.startsWith(prefix, pos);
    }

    /** Consumes the next line without making it. */
    public void skip() {
        if (hasNext()) {
            int end = endOf(pos);
            pos = end < text.length() ? end + 1 : end;
            lineNumber++;
        }
    }

    /** Consumes blank (empty or white-space only) lines. */
    public void skipBlank() {
        while (hasNext() && peek().isBlank()) {
            next();
        }
    }

    /** A position to {@link #reset} to. */
    public long mark() {
        return ((long) lineNumber << 32) | pos;
    }

    /** Steps back (or forward) to a position from {@link #mark}. */
    public void reset(long mark) {
        pos = (int) mark;
        lineNumber = (int) (mark >>> 32);
    }

    /** How many lines were consumed so far (the 1-based number of the last line read). */
    public int lineNumber() {
        return lineNumber;
    }

    private int endOf(int from) {
        int nl = text.indexOf('\n', from);
        return nl < 0 ? text.length() : nl;
    }

    private String lineAt(int from, int end) {
        int e = end > from && text.charAt(end - 1) == '\r' ? end - 1 : end;
        return text.substring(from, e);
    }
}
