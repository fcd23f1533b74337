package org.mailbridge.parse.scm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.mailbridge.spi.Unknowns;

/**
 * The SCM-neutral {@code scm} object every commit event carries, whatever the system, so that a
 * consumer written against it keeps working when a service migrates from CVS to Subversion to
 * git. Values the mail does not carry are neutral and listed by {@link #unknowns()}.
 *
 * @param system {@code git}, {@code svn}, {@code hg} or {@code cvs}
 * @param repo the repository as the mail names it (with its namespace, if any)
 * @param branch the branch, or empty (Subversion has none)
 * @param rev the revision: a commit id, revision number or CVS file revisions
 * @param author who made the commit
 * @param time when
 * @param summary the first line of the message
 * @param message the whole message
 * @param files the paths the commit touched
 * @param unknowns paths inside {@code scm} whose value the mail does not carry
 */
public record ScmCore(String system, String repo, String branch, String rev, Person author, CommitTime time,
                      String summary, String message, List<String> files, Unknowns unknowns) {
    public ScmCore {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(rev, "rev");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(message, "message");
        files = List.copyOf(files);
        Objects.requireNonNull(unknowns, "unknowns");
    }

    /** The object as a JSON map. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("system", system);
        m.put("repo", repo);
        m.put("branch", branch);
        m.put("rev", rev);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", author.name());
        a.put("email", author.email());
        m.put("author", a);
        m.put("date", time.epoch());
        m.put("summary", summary);
        m.put("message", message);
        m.put("files", files);
        return m;
    }

    /** The first line of a message. */
    public static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}
