package org.mailbridge.publish;

/**
 * AMQP topic-exchange matching: words separated by dots, {@code *} matches exactly one word,
 * {@code #} matches zero or more. Dynamic programming over the words, so hostile topics cannot
 * make it backtrack exponentially.
 */
public final class TopicPattern {
    private TopicPattern() {
    }

    /** Whether the topic matches the pattern. */
    public static boolean matches(String pattern, String topic) {
        String[] p = pattern.split("\\.", -1);
        String[] t = topic.split("\\.", -1);
        // can[j] = pattern words so far match the first j topic words
        boolean[] can = new boolean[t.length + 1];
        can[0] = true;
        for (String word : p) {
            boolean[] next = new boolean[t.length + 1];
            if (word.equals("#")) {
                boolean any = false;
                for (int j = 0; j <= t.length; j++) {
                    any |= can[j];
                    next[j] = any;
                }
            } else {
                for (int j = 1; j <= t.length; j++) {
                    next[j] = can[j - 1] && (word.equals("*") || word.equals(t[j - 1]));
                }
            }
            can = next;
        }
        return can[t.length];
    }
}
