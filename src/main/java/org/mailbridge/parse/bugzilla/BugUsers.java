package org.mailbridge.parse.bugzilla;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.mailbridge.spi.AccountNames;

/**
 * The account names an event concerns, for the {@code fedora_messaging_user_<name>} headers:
 * the changer, reporter, assignee, QA contact, comment authors, people added to CC and flag
 * requestees. Like bugzilla2fedmsg, a login becomes an account name only when it is an address
 * at one of the configured user domains (by default {@code fedoraproject.org}): its local part
 * ({@link AccountNames#atDomain}).
 * At most {@link #MAX} names, so a mail adding thousands of CCs cannot flood the headers.
 */
final class BugUsers {
    /** The most names one event carries. */
    static final int MAX = 100;

    private BugUsers() {
    }

    static Set<String> of(Bugmail m, Map<String, Object> bug, Map<String, Object> event, List<String> domains) {
        List<String> logins = new ArrayList<>();
        logins.add(String.valueOf(event.get("who")));
        logins.add(login(bug.get("reporter")));
        logins.add(String.valueOf(bug.get("assigned_to")));
        logins.add(login(bug.get("qa_contact")));
        m.comments().forEach(c -> c.author().ifPresent(a -> logins.add(a.login())));
        m.request().ifPresent(r -> {
            r.requestee().ifPresent(x -> logins.add(x.login()));
            r.setter().ifPresent(x -> logins.add(x.login()));
        });
        for (TableRow r : m.ownRows()) {
            if (r.label().equals("CC")) {
                logins.addAll(BugmailHeaders.commaList(r.added()));
            }
        }
        Set<String> out = new TreeSet<>();
        for (String login : logins) {
            if (out.size() >= MAX) {
                break;
            }
            AccountNames.atDomain(login, domains).ifPresent(out::add);
        }
        return out;
    }

    private static String login(Object user) {
        return user instanceof Map<?, ?> m && m.get("login") != null ? String.valueOf(m.get("login")) : "";
    }
}
