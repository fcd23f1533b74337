package org.mailbridge.rules;

import java.util.List;
import java.util.Objects;

/**
 * One {@code [[rule.privacy]]} entry: when its condition holds, the mail is withheld whole
 * ({@code drop}) or fields are blanked ({@code redact}). Conditions may test the rule's fields
 * ({@code in = "field:visibility"}) as well as the mail.
 *
 * <pre>
 * [[rule.privacy]]
 * when = { all = [ { in = "field:visibility", regex = '^private$' } ] }
 * drop = "private"                  # settled and logged as "policy: private", counted by status
 *
 * [[rule.privacy]]
 * when = { any = [ { in = "body", regex = '^Private: yes' } ] }
 * redact = ["comment", "title"]     # these fields become empty; their texts are checked for
 * </pre>
 *
 * @param when the condition
 * @param drop the policy word a matching mail is withheld under, or null
 * @param redact the fields a match blanks (empty text, empty list); their former values are
 *     declared non-public, so the bridge checks no event carries them anywhere
 */
record Privacy(Match when, String drop, List<String> redact) {
    Privacy {
        Objects.requireNonNull(when, "when");
        redact = List.copyOf(redact);
    }
}
