package org.mailbridge.parse.bugzilla;

import java.util.Objects;
import java.util.Optional;

/**
 * What a flag mail ({@code X-Bugzilla-Type: request}) says happened to a flag.
 *
 * @param actor who did it
 * @param action {@code asked}, {@code reassigned}, {@code granted}, {@code denied} or {@code canceled}
 * @param flag the flag type's name ({@code review}, {@code needinfo}…)
 * @param setter who had asked for the flag (granted, denied, canceled, reassigned), when said
 * @param requestee who is asked now (asked, reassigned), or who had been asked (granted,
 *     denied, canceled, when the mail says)
 * @param formerRequestee for a reassigned request, who had been asked before, when said
 * @param summary the bug's summary
 * @param attachment the attachment whose flag it is, when it is an attachment flag
 */
record FlagRequest(Identity actor, String action, String flag, Optional<Identity> setter,
                   Optional<Identity> requestee, Optional<Identity> formerRequestee, String summary,
                   Optional<Comment.Attachment> attachment) {
    FlagRequest {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(setter, "setter");
        Objects.requireNonNull(requestee, "requestee");
        Objects.requireNonNull(formerRequestee, "formerRequestee");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(attachment, "attachment");
    }

    /** The flag's new status character: {@code ?}, {@code +}, {@code -}, or {@code X} (cleared). */
    char status() {
        return switch (action) {
            case "granted" -> '+';
            case "denied" -> '-';
            case "canceled" -> 'X';
            default -> '?';
        };
    }

    /** The flag as a change table shows it: {@code review?(bob@example.org)}, {@code review+}; empty when cleared. */
    String added() {
        char s = status();
        if (s == 'X') {
            return "";
        }
        return flag + s + (s == '?' ? requestee.map(r -> "(" + r.login() + ")").orElse("") : "");
    }

    /** The flag before, when the mail tells it; empty otherwise. */
    Optional<String> removed() {
        return switch (action) {
            case "granted", "denied", "canceled" -> setter.isPresent() && requestee.isPresent()
                    ? Optional.of(flag + "?(" + requestee.get().login() + ")") : Optional.empty();
            case "reassigned" -> formerRequestee.map(r -> flag + "?(" + r.login() + ")");
            default -> Optional.empty();
        };
    }
}
