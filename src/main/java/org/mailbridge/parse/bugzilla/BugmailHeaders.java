package org.mailbridge.parse.bugzilla;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.mailbridge.spi.Mail;

/**
 * The {@code X-Bugzilla-*} header fields of a mail, as upstream 4.x/5.x and bugzilla.redhat.com
 * write them. Every field is optional: a value is present only when the mail has the header.
 * An empty header ({@code X-Bugzilla-Resolution: }) is present and empty.
 *
 * @param type {@code X-Bugzilla-Type}
 * @param url {@code X-Bugzilla-URL}, the instance's base URL
 * @param id {@code X-Bugzilla-ID} (5.2)
 * @param classification {@code X-Bugzilla-Classification}
 * @param product {@code X-Bugzilla-Product}
 * @param component {@code X-Bugzilla-Component}
 * @param subComponent {@code X-Bugzilla-Sub-Component} (Red Hat)
 * @param version {@code X-Bugzilla-Version}
 * @param keywords {@code X-Bugzilla-Keywords}, split at commas
 * @param severity {@code X-Bugzilla-Severity}
 * @param who {@code X-Bugzilla-Who}, the changer's login
 * @param status {@code X-Bugzilla-Status}
 * @param resolution {@code X-Bugzilla-Resolution}
 * @param priority {@code X-Bugzilla-Priority}
 * @param assignedTo {@code X-Bugzilla-Assigned-To}
 * @param qaContact {@code X-Bugzilla-QA-Contact}
 * @param reporter {@code X-Bugzilla-Reporter} (Red Hat)
 * @param targetMilestone {@code X-Bugzilla-Target-Milestone}
 * @param flags {@code X-Bugzilla-Flags}: bug flags as {@code name} + status character
 * @param changedFields {@code X-Bugzilla-Changed-Fields}, split at white space
 * @param comment {@code X-Bugzilla-Comment} (Red Hat: {@code public} or {@code private})
 * @param subject the decoded, unfolded {@code Subject}
 */
record BugmailHeaders(String type, Optional<String> url, Optional<String> id, Optional<String> classification,
                      Optional<String> product, Optional<String> component, Optional<String> subComponent,
                      Optional<String> version, Optional<List<String>> keywords, Optional<String> severity,
                      Optional<String> who, Optional<String> status, Optional<String> resolution,
                      Optional<String> priority, Optional<String> assignedTo, Optional<String> qaContact,
                      Optional<String> reporter, Optional<String> targetMilestone, Optional<List<String>> flags,
                      Optional<List<String>> changedFields, Optional<String> comment, String subject) {

    /** Reads the fields; {@code type} must be present (the caller checked). */
    static BugmailHeaders read(Mail mail) {
        return new BugmailHeaders(h(mail, "Type").orElse(""), h(mail, "URL"), h(mail, "ID"),
                h(mail, "Classification"), h(mail, "Product"), h(mail, "Component"), h(mail, "Sub-Component"),
                h(mail, "Version"), h(mail, "Keywords").map(BugmailHeaders::commaList), h(mail, "Severity"),
                h(mail, "Who"), h(mail, "Status"), h(mail, "Resolution"), h(mail, "Priority"),
                h(mail, "Assigned-To"), h(mail, "QA-Contact"), h(mail, "Reporter"), h(mail, "Target-Milestone"),
                h(mail, "Flags").map(BugmailHeaders::words), h(mail, "Changed-Fields").map(BugmailHeaders::words),
                h(mail, "Comment"), mail.subject());
    }

    private static Optional<String> h(Mail mail, String name) {
        return mail.header("X-Bugzilla-" + name).map(String::strip);
    }

    /** Values separated by commas (keywords, CC lists, bug lists), blanks dropped. */
    static List<String> commaList(String s) {
        List<String> out = new ArrayList<>();
        for (String part : s.split(",")) {
            String p = part.strip();
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    /** Values separated by white space. */
    static List<String> words(String s) {
        String t = s.strip();
        return t.isEmpty() ? List.of() : Arrays.asList(t.split("\\s+"));
    }
}
