package org.mailbridge.parse.scm.cvs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a CVS commit mail says, filled in by a reader. CVS commits are per directory and per
 * file: there is no commit id, only file revisions ({@code file,old,new}, as loginfo's
 * {@code %{sVv}} prints them). Not thread-safe; one per mail.
 */
final class CvsCommit {
    /** The repository root ({@code CVSROOT}), or empty when the mail does not show it. */
    String root = "";
    /** The module (the first component of the directory), or empty. */
    String module = "";
    /** The directory the files are in, relative to the root; or empty. */
    String directory = "";
    /** The committer's login, or empty. */
    String author = "";
    /** The branch tag, or empty for the trunk. */
    String branch = "";
    /** The date as printed (log_accum), or empty. */
    String dateText = "";
    String message = "";
    boolean messageSeen;
    /** Files relative to {@link #directory}, by kind: {@code added}, {@code modified}, {@code removed}. */
    final Map<String, List<String>> files = new LinkedHashMap<>();
    /** The {@code file,old,new} revision triples, when shown. */
    final List<String> revisions = new ArrayList<>();

    CvsCommit() {
        files.put("added", new ArrayList<>());
        files.put("modified", new ArrayList<>());
        files.put("removed", new ArrayList<>());
    }

    /** The list for a loginfo heading ({@code Modified Files:}, {@code Added files:}, …), or null. */
    List<String> section(String heading) {
        String h = heading.toLowerCase(java.util.Locale.ROOT);
        if (h.startsWith("added files")) {
            return files.get("added");
        }
        if (h.startsWith("modified files")) {
            return files.get("modified");
        }
        if (h.startsWith("removed files")) {
            return files.get("removed");
        }
        return null;
    }

    /** Every file, in the order listed. */
    List<String> allFiles() {
        List<String> all = new ArrayList<>();
        files.values().forEach(all::addAll);
        return all;
    }
}
