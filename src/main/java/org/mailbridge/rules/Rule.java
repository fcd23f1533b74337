package org.mailbridge.rules;

import java.util.List;
import java.util.Objects;

/**
 * One {@code [[rule]]} of a rule file: when it applies, what it extracts, and the event it makes
 * (or, with {@code ignore}, the reason the mail carries none).
 *
 * @param name unique within the file, for {@code --explain} and errors
 * @param match when the rule applies
 * @param fields extracted in order, after the match's named groups
 * @param topic the topic suffix template; null with {@code ignore}
 * @param schema the {@code fedora_messaging_schema} header template; null with {@code ignore}
 * @param severity 10, 20, 30 or 40
 * @param body the body template; null with {@code ignore}
 * @param usernames templates for the {@code fedora_messaging_user_*} headers
 * @param packages templates for the {@code fedora_messaging_rpm_*} headers
 * @param ignore when set, a matching mail is claimed and carries no event, for this reason
 * @param continues whether later rules are tried after this one matched (their events follow)
 * @param privacy drop or redact by condition, tested in order after the fields are read
 */
record Rule(String name, Match match, List<FieldSpec> fields, Template topic, Template schema, int severity,
            BodyTemplate body, List<Template> usernames, List<Template> packages, String ignore, boolean continues,
            List<Privacy> privacy) {
    Rule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(match, "match");
        fields = List.copyOf(fields);
        usernames = List.copyOf(usernames);
        packages = List.copyOf(packages);
        privacy = List.copyOf(privacy);
    }
}
