package org.mailbridge.spi;

/**
 * White space as mail readers need it: a value wrapped, indented or padded by a mailer reads the
 * same as the value written on one line. One home for the rule, so a parser that folds a date
 * and the bridge that searches events for private text agree on what "the same text" is.
 */
public final class Whitespace {
    private Whitespace() {
    }

    /**
     * Runs of white space as one space, both ends stripped. Linear in the length of {@code s};
     * no regular expression, so hostile input costs no backtracking.
     */
    public static String squash(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        return b.toString();
    }
}
