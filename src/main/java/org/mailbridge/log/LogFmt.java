package org.mailbridge.log;

import java.util.regex.Pattern;

/**
 * Builds logfmt text ({@code msg=published mid="<a@b>" events=2}): one line per message outcome
 * that ops can grep and journald can index. Values are quoted when they need it and stripped of
 * line breaks, so hostile header values cannot forge log lines.
 */
public final class LogFmt {
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_.@:/+\\-]+");
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
        if (!s.isEmpty() && BARE.matcher(s).matches()) {
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

    @Override
    public String toString() {
        return sb.toString();
    }
}
