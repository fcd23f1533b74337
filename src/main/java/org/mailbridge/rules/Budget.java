package org.mailbridge.rules;

/**
 * A bound on the regular-expression work one mail may cost. Mail is hostile input and rule
 * files are written by people, so a pattern with catastrophic backtracking must not hang the
 * daemon: every text a rule matches against is wrapped by {@link #wrap}, whose
 * {@code charAt} counts, and the count is shared by every match on the same mail. When it
 * runs out, {@link Exceeded} is thrown out of the regex engine and the mail is quarantined
 * as unreadable instead of burning a core.
 *
 * <p>Not thread-safe: one budget per mail, used by the thread parsing it.
 */
final class Budget {
    /** Character reads allowed per mail: tens of milliseconds of matching on a slow core. */
    static final long DEFAULT_STEPS = 50_000_000L;

    private final long steps;
    private long remaining;

    Budget(long steps) {
        this.steps = steps;
        this.remaining = steps;
    }

    /** A view of {@code s} whose reads are charged to this budget. */
    CharSequence wrap(String s) {
        return new Counted(s);
    }

    /** The budget ran out. */
    static final class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Exceeded(long steps) {
            super("regular-expression budget of " + steps + " character reads exceeded: a pattern backtracks too much"
                    + " on this mail", null, false, false);
        }
    }

    private final class Counted implements CharSequence {
        private final String s;

        Counted(String s) {
            this.s = s;
        }

        @Override
        public char charAt(int index) {
            if (--remaining < 0) {
                throw new Exceeded(steps);
            }
            return s.charAt(index);
        }

        @Override
        public int length() {
            return s.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Counted(s.substring(start, end));
        }

        @Override
        public String toString() {
            return s;
        }
    }
}
