package org.mailbridge.parse.scm.git;

/**
 * The line counts of a hunk header: {@code @@ -12,3 +12,4 @@} or, for a merge's combined diff,
 * {@code @@@ -1,1 -1,1 +1,1 @@@}. A range without a count ({@code -5}) holds one line.
 */
final class HunkHeader {
    private static final int MAX_PARENTS = 64;

    private HunkHeader() {
    }

    /**
     * The counts: one per parent, then the result's.
     *
     * @return the counts, or null when the line is not a hunk header
     */
    static int[] counts(String line) {
        int ats = 0;
        while (ats < line.length() && line.charAt(ats) == '@') {
            ats++;
        }
        int parents = ats - 1;
        if (parents < 1 || parents > MAX_PARENTS) {
            return null;
        }
        int[] counts = new int[parents + 1];
        int i = ats;
        for (int k = 0; k <= parents; k++) {
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            char sign = k < parents ? '-' : '+';
            if (i >= line.length() || line.charAt(i) != sign) {
                return null;
            }
            i++;
            int start = i;
            while (i < line.length() && line.charAt(i) != ' ') {
                i++;
            }
            int n = rangeCount(line.substring(start, i));
            if (n < 0) {
                return null;
            }
            counts[k] = n;
        }
        return counts;
    }

    private static int rangeCount(String range) {
        int comma = range.indexOf(',');
        if (!digits(comma < 0 ? range : range.substring(0, comma))) {
            return -1;
        }
        if (comma < 0) {
            return 1;
        }
        String n = range.substring(comma + 1);
        if (!digits(n) || n.length() > 9) {
            return -1;
        }
        return Integer.parseInt(n);
    }

    private static boolean digits(String s) {
        if (s.isEmpty() || s.length() > 12) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
