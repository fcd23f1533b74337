package org.mailbridge.parse.bugzilla;

import java.util.Locale;
import java.util.Optional;

/** The kinds of bugmail that carry a bug event, by their {@code X-Bugzilla-Type}. */
enum BugmailType {
    /** A bug was filed: the new-bug table and the description. */
    NEW,
    /** A bug changed: change tables per changer, and new comments. */
    CHANGED,
    /** A bug this one depends on changed state: the blocker's table. */
    DEP_CHANGED,
    /** A flag was requested, granted, denied or canceled. */
    REQUEST;

    /** The type of a header value; empty for types that carry no bug event (admin, whine, sanitycheck…). */
    static Optional<BugmailType> of(String header) {
        return switch (header.strip().toLowerCase(Locale.ROOT)) {
            case "new" -> Optional.of(NEW);
            case "changed" -> Optional.of(CHANGED);
            case "dep_changed" -> Optional.of(DEP_CHANGED);
            case "request" -> Optional.of(REQUEST);
            default -> Optional.empty();
        };
    }
}
