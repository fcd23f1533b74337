package org.mailbridge.parse.scm;

/**
 * What one mail may still spend (see {@link ScmLimits}): patch characters, and commit events.
 * Not thread-safe: one per mail, used by one thread.
 */
public final class MailBudget {
    private final int perCommit;
    private final int maxEvents;
    private int remaining;
    private int events;

    MailBudget(int perCommit, int perMail, int maxEvents) {
        this.perCommit = perCommit;
        this.remaining = perMail;
        this.maxEvents = maxEvents;
    }

    /** A budget with no limits, for tests and callers that keep no patch text. */
    public static MailBudget unlimited() {
        return new MailBudget(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /**
     * Counts one more commit the mail describes in full (each becomes an event).
     *
     * @throws MalformedScmMail when the mail describes more than {@code max_events}
     */
    public void commit() throws MalformedScmMail {
        if (++events > maxEvents) {
            throw new MalformedScmMail("the mail describes more than " + maxEvents
                    + " commits (max_events); raise the limit and replay it");
        }
    }

    /** A buffer for one commit's patch, as large as this budget still allows. */
    public Buffer open() {
        return new Buffer(Math.min(perCommit, remaining));
    }

    /** Collects the lines of one patch up to its capacity; later lines are dropped whole. */
    public final class Buffer {
        private final StringBuilder text = new StringBuilder();
        private final int capacity;
        private boolean cut;
        private boolean closed;

        private Buffer(int capacity) {
            this.capacity = capacity;
        }

        /** Appends one line and its line end, unless the buffer is full. */
        public void line(String line) {
            if (cut) {
                return;
            }
            if ((long) text.length() + line.length() + 1 > capacity) {
                cut = true;
                return;
            }
            text.append(line).append('\n');
        }

        /** Whether lines were dropped. */
        public boolean cut() {
            return cut;
        }

        /** The text kept, without a final line end; charges it to the mail's budget. */
        public String close() {
            if (!closed) {
                closed = true;
                remaining -= text.length();
            }
            int n = text.length();
            return n > 0 && text.charAt(n - 1) == '\n' ? text.substring(0, n - 1) : text.toString();
        }
    }
}
