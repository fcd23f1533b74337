package org.mailbridge.parse.scm;

import java.util.LinkedHashSet;
import java.util.Set;

import org.mailbridge.spi.AccountNames;
import org.mailbridge.spi.Accounts;

/**
 * The people an event concerns, for the {@code fedora_messaging_user_<name>} headers: the
 * pusher and the commit author. A parser lists what the mail shows ({@link #of}); the
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
