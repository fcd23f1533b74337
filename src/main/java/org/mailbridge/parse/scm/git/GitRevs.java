package org.mailbridge.parse.scm.git;

/** Object ids: full (40 hex digits for SHA-1, 64 for SHA-256), abbreviated, and the all-zero id. */
final class GitRevs {
    private GitRevs() {
    }

    /** Whether {@code s} is a full object id. */
    static boolean isFull(String s) {
        return (s.length() == 40 || s.length() == 64) && isHex(s);
    }

    /** Whether {@code s} may be an abbreviated id (4 to 64 hex digits). */
    static boolean isAbbrev(String s) {
        return s.length() >= 4 && s.length() <= 64 && isHex(s);
    }

    /** Whether {@code s} is the null id git uses for a missing side of a ref change. */
    static boolean isZero(String s) {
        if (!isFull(s)) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    /** The id a {@code commit <sha> [(decorations)]} line starts, or null. */
    static String commitLine(String line) {
        if (!line.startsWith("commit ")) {
            return null;
        }
        int end = line.indexOf(' ', 7);
        String id = end < 0 ? line.substring(7) : line.substring(7, end);
        return isFull(id) ? id : null;
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
