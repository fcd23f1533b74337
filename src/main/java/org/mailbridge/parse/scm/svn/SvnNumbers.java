package org.mailbridge.parse.scm.svn;

/** Small readers for the numbers and annotations of Subversion commit mails. */
final class SvnNumbers {
    private static final String[] ANNOTATIONS = {"   (contents, props changed)", "   (props changed)"};

    private SvnNumbers() {
    }

    /** A revision number ({@code 1902575}, or {@code r3}), or -1 when the text is not one. */
    static long revision(String text) {
        String s = text.strip();
        if (s.startsWith("r")) {
            s = s.substring(1);
        }
        if (s.isEmpty() || s.length() > 18) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(s);
    }

    /** A list entry without mailer.py's {@code (props changed)} remarks. */
    static String stripAnnotation(String entry) {
        for (String a : ANNOTATIONS) {
            if (entry.endsWith(a)) {
                return entry.substring(0, entry.length() - a.length());
            }
        }
        return entry.stripTrailing();
    }

    /**
     * mailer.py's copy line: {@code - copied from r2, dir1/}, {@code - copied unchanged from r2, file1}
     * or {@code - copied, changed from r7, dir3/file3}.
     *
     * @return the copy, or null when the line does not read as one
     */
    static SvnCommit.Copy copy(String path, String line) {
        int from = line.indexOf(" from r");
        if (from < 0) {
            return null;
        }
        int comma = line.indexOf(", ", from);
        if (comma < 0) {
            return null;
        }
        long rev = revision(line.substring(from + 7, comma));
        return rev < 0 ? null : new SvnCommit.Copy(path, line.substring(comma + 2), rev);
    }
}
