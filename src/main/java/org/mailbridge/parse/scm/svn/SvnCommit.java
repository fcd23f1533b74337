package org.mailbridge.parse.scm.svn;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a Subversion commit mail says about one revision, filled in by a reader as it goes.
 * Not thread-safe; one per mail.
 */
final class SvnCommit {
    long revision = -1;
    String author = "";
    String dateText = "";
    String message = "";
    boolean messageSeen;
    String url;
    /** Whether a mailer said it left paths out ({@code and changes in other areas}). */
    boolean pathsPartial;
    final Set<String> added = new LinkedHashSet<>();
    final Set<String> modified = new LinkedHashSet<>();
    final Set<String> deleted = new LinkedHashSet<>();
    final Set<String> replaced = new LinkedHashSet<>();
    final List<Copy> copies = new ArrayList<>();

    /**
     * A path created as a copy ({@code - copied from r2, dir1/}).
     *
     * @param path the new path
     * @param fromPath the copy's source
     * @param fromRevision the source's revision
     */
    record Copy(String path, String fromPath, long fromRevision) {
    }

    /** The list for a section title ({@code Added}, {@code Modified Paths}, …), or null. */
    Set<String> section(String title) {
        return switch (title) {
            case "Added", "Added Paths" -> added;
            case "Modified", "Modified Paths", "Property Changed" -> modified;
            case "Deleted", "Removed Paths" -> deleted;
            case "Replaced" -> replaced;
            default -> null;
        };
    }

    /** Every path, in the order the lists give them. */
    List<String> files() {
        Set<String> all = new LinkedHashSet<>(added);
        all.addAll(replaced);
        all.addAll(deleted);
        all.addAll(modified);
        return List.copyOf(all);
    }
}
