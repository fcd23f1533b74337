package org.mailbridge.parse.bugzilla;

/** Reads the decimal numbers of bugmail (bug, comment and attachment ids) without exceptions. */
final class Numbers {
    /** Longer digit runs are not ids; they would also overflow. */
    private static final int MAX_DIGITS = 12;

    private Numbers() {
    }

    /** The value of a string that is only digits (1 to 12 of them) and positive, else -1. */
    static long positive(String s) {
        if (s.isEmpty() || s.length() > MAX_DIGITS) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v > 0 ? v : -1;
    }

    /** Like {@link #positive} but zero is allowed (comment 0). */
    static long natural(String s) {
        return "0".equals(s) ? 0 : positive(s);
    }
}
