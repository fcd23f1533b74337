package org.mailbridge.parse.bugzilla;

import java.util.Objects;

/**
 * One row of a change table, its wrapped cells joined back.
 *
 * @param label the field label as the mail shows it ("Assignee", "Attachment #12 is obsolete")
 * @param removed the old value, or empty
 * @param added the new value, or empty
 */
record TableRow(String label, String removed, String added) {
    TableRow {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(removed, "removed");
        Objects.requireNonNull(added, "added");
    }
}
