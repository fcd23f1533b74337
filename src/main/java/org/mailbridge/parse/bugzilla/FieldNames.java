package org.mailbridge.parse.bugzilla;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bugzilla's field names in their three spellings: the label a mail shows ("Assignee"), the
 * internal name of {@code X-Bugzilla-Changed-Fields} ({@code assigned_to}) and the WebService
 * (API) name that event bodies use ({@code assigned_to}; {@code bug_status} becomes
 * {@code status}). Labels come from {@code global/field-descs.none.tmpl} and the field
 * definitions of upstream 4.x/5.x and bugzilla.redhat.com.
 */
final class FieldNames {
    /** Label → internal name. */
    private static final Map<String, String> BY_LABEL = Map.ofEntries(
            Map.entry("Bug ID", "bug_id"), Map.entry("Alias", "alias"), Map.entry("Summary", "short_desc"),
            Map.entry("Classification", "classification"), Map.entry("Product", "product"),
            Map.entry("Component", "component"), Map.entry("Version", "version"),
            Map.entry("Hardware", "rep_platform"), Map.entry("Platform", "rep_platform"),
            Map.entry("OS", "op_sys"), Map.entry("OS/Version", "op_sys"), Map.entry("URL", "bug_file_loc"),
            Map.entry("Status", "bug_status"), Map.entry("Resolution", "resolution"),
            Map.entry("Whiteboard", "status_whiteboard"), Map.entry("Status Whiteboard", "status_whiteboard"),
            Map.entry("Keywords", "keywords"), Map.entry("Severity", "bug_severity"),
            Map.entry("Priority", "priority"), Map.entry("Assignee", "assigned_to"),
            Map.entry("Reporter", "reporter"), Map.entry("QA Contact", "qa_contact"), Map.entry("CC", "cc"),
            Map.entry("Depends on", "dependson"), Map.entry("Blocks", "blocked"),
            Map.entry("See Also", "see_also"), Map.entry("Flags", "flagtypes.name"),
            Map.entry("Target Milestone", "target_milestone"), Map.entry("Deadline", "deadline"),
            Map.entry("Group", "bug_group"), Map.entry("Duplicate", "dup_id"),
            Map.entry("Ever confirmed", "everconfirmed"), Map.entry("Reporter accessible", "reporter_accessible"),
            Map.entry("CC list accessible", "cclist_accessible"), Map.entry("Orig. Est.", "estimated_time"),
            Map.entry("Hours Left", "remaining_time"), Map.entry("Hours Worked", "work_time"),
            Map.entry("Comment", "longdesc"),
            // bugzilla.redhat.com custom fields
            // (other custom fields get their name from X-Bugzilla-Changed-Fields, see ChangeFields)
            Map.entry("Fixed In Version", "cf_fixed_in"), Map.entry("Last Closed", "cf_last_closed"),
            Map.entry("Doc Type", "cf_doc_type"),
            // bugzilla.kernel.org custom fields
            Map.entry("Regression", "cf_regression"));

    /** Internal name → API name, where they differ ({@code Bugzilla::Bug::FIELD_MAP} reversed). */
    private static final Map<String, String> API = Map.ofEntries(
            Map.entry("bug_id", "id"), Map.entry("short_desc", "summary"), Map.entry("rep_platform", "platform"),
            Map.entry("bug_file_loc", "url"), Map.entry("bug_status", "status"),
            Map.entry("status_whiteboard", "whiteboard"), Map.entry("bug_severity", "severity"),
            Map.entry("reporter", "creator"), Map.entry("dependson", "depends_on"), Map.entry("blocked", "blocks"),
            Map.entry("flagtypes.name", "flags"), Map.entry("dup_id", "dupe_of"),
            Map.entry("everconfirmed", "is_confirmed"), Map.entry("reporter_accessible", "is_creator_accessible"),
            Map.entry("cclist_accessible", "is_cc_accessible"), Map.entry("bug_group", "groups"),
            Map.entry("longdesc", "comment"), Map.entry("longdescs.isprivate", "comment_is_private"),
            Map.entry("attachments.isobsolete", "is_obsolete"), Map.entry("attachments.ispatch", "is_patch"),
            Map.entry("attachments.isprivate", "is_private"), Map.entry("attachments.description", "description"),
            Map.entry("attachments.filename", "file_name"), Map.entry("attachments.mimetype", "content_type"),
            Map.entry("attachments.submitter", "attacher"));

    private FieldNames() {
    }

    /**
     * The internal name of a label, for the plain labels and the {@code Attachment #N …} and
     * {@code Comment #N …} forms Bugzilla builds for attachment and comment fields.
     */
    static Optional<String> internal(String label) {
        String plain = BY_LABEL.get(label);
        if (plain != null) {
            return Optional.of(plain);
        }
        String rest = scopedRest(label, "Attachment #");
        if (rest != null) {
            return Optional.ofNullable(switch (rest) {
                case "is obsolete" -> "attachments.isobsolete";
                case "is patch" -> "attachments.ispatch";
                case "is private" -> "attachments.isprivate";
                case "description" -> "attachments.description";
                case "filename" -> "attachments.filename";
                case "mime type" -> "attachments.mimetype";
                case "creator" -> "attachments.submitter";
                case "Flags" -> "flagtypes.name";
                default -> null;
            });
        }
        rest = scopedRest(label, "Comment #");
        if ("is private".equals(rest)) {
            return Optional.of("longdescs.isprivate");
        }
        return Optional.empty();
    }

    /** The API name of an internal name (custom {@code cf_*} fields keep theirs). */
    static String api(String internal) {
        return API.getOrDefault(internal, internal);
    }

    private static final Set<String> LISTS = Set.of("cc", "keywords", "dependson", "blocked",
            "see_also", "flagtypes.name", "alias", "bug_group");

    /** Whether the field's value is a {@code ", "}-separated list (its table cells show deltas). */
    static boolean isList(String label) {
        return internal(label).map(LISTS::contains).orElse(false);
    }

    /** Whether the label is a known one, for deciding whether a label was wrapped. */
    static boolean known(String label) {
        return internal(label).isPresent();
    }

    /** The number N of a {@code Attachment #N …} or {@code Comment #N …} label, or -1. */
    private static long scopeNumber(String label, String prefix) {
        if (!label.startsWith(prefix)) {
            return -1;
        }
        int end = prefix.length();
        while (end < label.length() && Character.isDigit(label.charAt(end))) {
            end++;
        }
        if (end == prefix.length() || end - prefix.length() > 12) {
            return -1;
        }
        return Long.parseLong(label.substring(prefix.length(), end));
    }

    private static String scopedRest(String label, String prefix) {
        if (scopeNumber(label, prefix) < 0) {
            return null;
        }
        int sp = label.indexOf(' ', prefix.length());
        return sp < 0 ? "" : label.substring(sp + 1);
    }
}
