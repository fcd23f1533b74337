package org.mailbridge.parse.bugzilla;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The bug's current field values that a mail shows, by internal field name: every row of a
 * new-bug table, and the added side of a changed mail's rows for single-valued fields (a
 * multi-valued field's row shows only what was added, not the whole value). The rows of a
 * dep_changed mail belong to another bug and are not used.
 */
final class CurrentValues {
    private static final Set<String> MULTI = Set.of("cc", "keywords", "dependson", "blocked", "alias", "see_also",
            "flagtypes.name", "bug_group");

    private final Map<String, String> values = new HashMap<>();

    CurrentValues(Bugmail mail) {
        List<TableRow> fields = mail.fields();
        List<Optional<String>> names = ChangeFields.internalNames(fields, mail.headers().changedFields());
        for (int i = 0; i < fields.size(); i++) {
            int k = i;
            names.get(i).ifPresent(n -> values.put(n, fields.get(k).added()));
        }
        if (mail.type() == BugmailType.CHANGED) {
            List<TableRow> rows = mail.ownRows();
            List<Optional<String>> rowNames = ChangeFields.internalNames(rows, mail.headers().changedFields());
            for (int i = 0; i < rows.size(); i++) {
                int k = i;
                rowNames.get(i).filter(n -> !MULTI.contains(n) && !n.contains("."))
                        .ifPresent(n -> values.put(n, rows.get(k).added()));
            }
        }
    }

    /** The value of a field, when the mail shows it. */
    Optional<String> get(String internal) {
        return Optional.ofNullable(values.get(internal));
    }

    /** The custom fields ({@code cf_*}) the new-bug table shows, by name. */
    Map<String, String> custom(Bugmail mail) {
        Map<String, String> out = new TreeMap<>();
        if (mail.type() == BugmailType.NEW) {
            values.forEach((k, v) -> {
                if (k.startsWith("cf_")) {
                    out.put(k, v);
                }
            });
        }
        return out;
    }
}
