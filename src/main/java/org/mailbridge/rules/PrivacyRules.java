package org.mailbridge.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Applies a rule's {@link Privacy} entries to the fields it read, before the event is made. */
final class PrivacyRules {
    private PrivacyRules() {
    }

    /** A {@code drop} entry held: the whole mail is withheld under this policy. */
    static final class Dropped extends Exception {
        private static final long serialVersionUID = 1L;
        private final String policy;

        Dropped(String policy, String detail) {
            super(detail, null, false, false);
            this.policy = policy;
        }

        String policy() {
            return policy;
        }
    }

    /**
     * Tests each entry in order: a {@code drop} that holds throws; a {@code redact} that holds
     * blanks its fields in {@code values} and adds their former texts to {@code withheld}.
     *
     * @param redacted collects the names of the fields blanked
     */
    static void apply(Rule rule, MailView view, Map<String, Object> values, Set<String> withheld,
                      Set<String> redacted) throws Dropped {
        for (Privacy p : rule.privacy()) {
            if (!p.when().test(view, values).matched()) {
                continue;
            }
            if (p.drop() != null) {
                throw new Dropped(p.drop(), "rule '" + rule.name() + "': a privacy condition holds");
            }
            for (String f : p.redact()) {
                Object v = values.get(f);
                if (v instanceof List<?> l) {
                    l.forEach(o -> withheld.add(String.valueOf(o)));
                    values.put(f, List.of());
                } else if (v != null) {
                    withheld.add(String.valueOf(v));
                    values.put(f, v instanceof String ? "" : null);
                }
                redacted.add(f);
            }
        }
    }
}
