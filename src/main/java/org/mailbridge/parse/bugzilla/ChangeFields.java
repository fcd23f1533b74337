package org.mailbridge.parse.bugzilla;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Names the field of each table row. {@code X-Bugzilla-Changed-Fields} lists the internal names
 * of the fields shown, distinct and in table order (plus {@code attachments.created}), so when
 * the distinct labels of the table are as many as the names, they pair up one to one: that
 * names custom fields a fixed list cannot know. The pairing is used only when it agrees with
 * every label the list does know; otherwise each known label gets its name and the others none.
 */
final class ChangeFields {
    private ChangeFields() {
    }

    /** The internal name of each row's field, in row order; empty where it cannot be told. */
    static List<Optional<String>> internalNames(List<TableRow> rows, Optional<List<String>> changedFields) {
        Map<String, String> paired = pair(rows, changedFields.orElse(List.of()));
        List<Optional<String>> out = new ArrayList<>(rows.size());
        for (TableRow r : rows) {
            String known = FieldNames.internal(r.label()).orElse(null);
            out.add(Optional.ofNullable(paired != null ? paired.get(r.label()) : known));
        }
        return out;
    }

    /** Label → name by position, or null when the header does not match the table. */
    private static Map<String, String> pair(List<TableRow> rows, List<String> names) {
        List<String> fields = names.stream().filter(n -> !n.equals("attachments.created")).toList();
        Map<String, String> byLabel = new LinkedHashMap<>();
        for (TableRow r : rows) {
            byLabel.putIfAbsent(r.label(), null);
        }
        if (byLabel.size() != fields.size()) {
            return null;
        }
        int i = 0;
        for (Map.Entry<String, String> e : byLabel.entrySet()) {
            String name = fields.get(i++);
            Optional<String> known = FieldNames.internal(e.getKey());
            if (known.isPresent() && !known.get().equals(name)) {
                return null;
            }
            e.setValue(name);
        }
        return byLabel;
    }
}
