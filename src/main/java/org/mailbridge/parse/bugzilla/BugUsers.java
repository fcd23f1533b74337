package org.mailbridge.parse.bugzilla;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.mailbridge.spi.Accounts;

/**
 * The people of a Bugzilla event, as bugzilla2fedmsg names them: {@code agent_name} is the
 * account of the changer ({@code event.user.login}); {@code usernames} the accounts of the
 * reporter, the assignee, people added to CC, people asked for a flag in a Flags change, and
 * the agent; plus, from what mail shows that the bus never did, the other changers of the
 * mail, and a flag mail's setter and requestees. Addresses at {@code lists.fedoraproject.org}
 * are left out, as bugzilla2fedmsg strips them. The same set becomes the event's
 * {@code fedora_messaging_user_*} headers. At most {@link #MAX} addresses are looked up, so a
 * mail adding thousands of CCs cannot flood the headers or the directory.
 *
 * @param agent the changer's account, or empty
 * @param all every account, sorted
 */
record BugUsers(Optional<String> agent, List<String> all) {
    /** The most addresses one event looks up. */
    static final int MAX = 100;

    BugUsers {
        all = List.copyOf(new TreeSet<>(all));
    }

    static BugUsers of(Bugmail m, Map<String, Object> bug, Map<String, Object> event, Accounts accounts) {
        String who = login(event.get("user"));
        List<String> logins = new ArrayList<>();
        logins.add(login(bug.get("reporter")));
        logins.add(String.valueOf(bug.get("assigned_to")));
        for (TableRow r : m.ownRows()) {
            if (r.label().equals("CC")) {
                logins.addAll(BugmailHeaders.commaList(r.added()));
            } else if (r.label().equals("Flags") || r.label().endsWith(" Flags")) {
                logins.addAll(requestees(r.added()));
            }
        }
        m.blocks().forEach(b -> b.changer().ifPresent(c -> logins.add(c.login())));
        m.request().ifPresent(r -> {
            logins.add(r.actor().login());
            r.setter().ifPresent(x -> logins.add(x.login()));
            r.requestee().ifPresent(x -> logins.add(x.login()));
            r.formerRequestee().ifPresent(x -> logins.add(x.login()));
        });
        List<String> wanted = logins.stream().filter(l -> !l.isBlank() && !isList(l)).distinct().limit(MAX).toList();
        Optional<String> agent = isList(who) ? Optional.empty() : accounts.account(who);
        Set<String> all = new TreeSet<>(accounts.accounts(wanted));
        agent.ifPresent(all::add);
        return new BugUsers(agent, List.copyOf(all));
    }

    /** The addresses in {@code flag?(address)} values: bugzilla2fedmsg's needinfo rule, for every flag. */
    static List<String> requestees(String flags) {
        List<String> out = new ArrayList<>();
        for (String f : BugmailHeaders.commaList(flags)) {
            int open = f.indexOf("?(");
            if (open > 0 && f.endsWith(")")) {
                out.add(f.substring(open + 2, f.length() - 1).strip());
            }
        }
        return out;
    }

    private static boolean isList(String login) {
        return login.toLowerCase(Locale.ROOT).endsWith("lists.fedoraproject.org");
    }

    private static String login(Object user) {
        return user instanceof Map<?, ?> u && u.get("login") != null ? String.valueOf(u.get("login")) : "";
    }
}
