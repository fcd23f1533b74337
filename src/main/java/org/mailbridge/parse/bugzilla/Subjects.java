package org.mailbridge.parse.bugzilla;

import java.util.Optional;

/**
 * Reads the bug summary from a bugmail subject, {@code [Bug N] <summary>}, wherever the
 * {@code [Bug N]} tag sits (a mailing list may put {@code [List]} before it), after the
 * recipient-dependent {@code New: } prefix of new-bug mail. The subject always shows the
 * current summary.
 */
final class Subjects {
    private Subjects() {
    }

    static Optional<String> summary(Bugmail m) {
        String subject = m.headers().subject();
        String tag = " " + m.bugId() + "] ";
        int k = subject.indexOf(tag);
        if (k < 0 || subject.lastIndexOf('[', k) < 0) {
            return Optional.empty();
        }
        String s = subject.substring(k + tag.length());
        if (m.type() == BugmailType.NEW && s.startsWith("New: ")) {
            s = s.substring(5);
        }
        return Optional.of(s.strip());
    }
}
