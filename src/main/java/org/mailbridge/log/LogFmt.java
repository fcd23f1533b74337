package org.mailbridge.log;

/**
 * Builds logfmt text ({@code msg=published mid="<a@b>" events=2}): one line per message outcome
 * that ops can grep and journald can index. Values are quoted when they need it and stripped of
 * line breaks, so hostile header values cannot forge log lines.
 */
public final class LogFmt {
    private final StringBuilder sb = new StringBuilder();

    private LogFmt() {
    }

    /** Starts a line with {@code msg=<what>}. */
    public static LogFmt msg(String what) {
        return new LogFmt().kv("msg", what);
    }

    /** Adds a pair; null values are skipped. */
    public LogFmt kv(String key, Object value) {
        if (value == null) {
            return this;
        }
        if (sb.length() > 0) {
            sb.append(' ');
        }
        sb.append(key).append('=').append(quote(String.valueOf(value)));
        return this;
    }

    /** A value in logfmt form. */
    public static String quote(String v) {
        String s = v.length() > 1000 ? v.substring(0, 1000) + "…" : v;
        if (bare(s)) {
            return s;
        }
        StringBuilder q = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n', '\r', '\t' -> q.append(' ');
                default -> q.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return q.append('"').toString();
    }

    /**
     * Whether {@code s} needs no quotes: only {@code A-Za-z0-9_.@:/+-}, and not empty. A loop, not
     * a regex: every published mail's log line asks this of each value.
     */
    private static boolean bare(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '_' || c == '.' || c == '@' || c == ':' || c == '/' || c == '+' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
