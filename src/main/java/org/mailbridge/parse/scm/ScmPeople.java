package org.mailbridge.parse.scm;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mailbridge.spi.AccountNames;
import org.mailbridge.spi.Accounts;
import org.mailbridge.spi.EventDraft;

/**
 * The people an event concerns, for the {@code fedora_messaging_user_<name>} headers: the
 * pusher and the commit author, named by the bridge's one account resolver. A parser lists what the mail shows ({@link #of}); the
 * {@link ScmParser} then turns each into an account with the bridge's one resolver
 * ({@link #resolve}): a login stays as it is, an address becomes the account the resolver
 * knows for it, or nothing. A display name is never mangled into an account.
 */
public final class ScmPeople {
    private ScmPeople() {
    }

    /** The logins and addresses among {@code candidates}, in order, without duplicates. */
    public static Set<String> of(String... candidates) {
        Set<String> out = new LinkedHashSet<>();
        for (String c : candidates) {
            String s = c == null ? "" : c.strip();
            if (AccountNames.isAccountName(s) || s.indexOf('@') > 0) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The event with its people named by the resolver: its usernames resolved ({@link #resolve}),
     * and, when the commit author's address has an account, that account both in
     * {@code scm.author.username} and among the usernames, so the body and the
     * {@code fedora_messaging_user_*} headers name the same people.
     */
    static EventDraft named(EventDraft e, Accounts accounts) {
        Set<String> users = resolve(e.usernames(), accounts);
        Map<String, Object> body = e.body();
        if (body.get("scm") instanceof Map<?, ?> scm && scm.get("author") instanceof Map<?, ?> author
                && author.get("email") instanceof String email && !email.isBlank()) {
            Optional<String> account = accounts.account(email);
            if (account.isPresent()) {
                Map<String, Object> a = copy(author);
                a.put("username", account.get());
                Map<String, Object> s = copy(scm);
                s.put("author", a);
                body = new LinkedHashMap<>(body);
                body.put("scm", s);
                users.add(account.get());
            }
        }
        return new EventDraft(e.topic(), e.schema(), e.severity(), body, users, e.packages());
    }

    private static Map<String, Object> copy(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** Each login as it is, each address as its account; those without one are left out. */
    static Set<String> resolve(Set<String> people, Accounts accounts) {
        Set<String> out = new LinkedHashSet<>();
        for (String p : people) {
            if (AccountNames.isAccountName(p)) {
                out.add(p);
            } else {
                accounts.account(p).ifPresent(out::add);
            }
        }
        return out;
    }
}
