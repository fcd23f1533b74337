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

    /** Custom fields of bugzilla.redhat.com and bugzilla.kernel.org known to hold a single value. */
    private static final Set<String> SINGLE_CUSTOM = Set.of("cf_fixed_in", "cf_last_closed", "cf_doc_type",
            "cf_regression");

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

    /**
     * The custom fields ({@code cf_*}) whose whole value the mail shows: every one in a new-bug
     * table; in a changed mail only those known to hold one value (a multi-select field's row
     * shows only what was added).
     */
    Map<String, String> custom(Bugmail mail) {
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith("cf_") && (mail.type() == BugmailType.NEW || SINGLE_CUSTOM.contains(k))) {
                out.put(k, v);
            }
        });
        return out;
    }
}
