package org.mailbridge.spi;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bridge's account resolver: maps a mail address to the account (a Fedora username, say) of
 * the person behind it. Every parser uses the same one, so a person is named the same way in
 * every event body and in its {@code fedora_messaging_user_*} headers.
 *
 * <p>Thread-safe. An answer may come from a remote directory, so a call can take up to the
 * configured lookup timeout; a failing directory gives no account (never an exception and never
 * a wait longer than the timeout), and answers are cached. A parser asks only for the people its
 * mail names, and never for a text that is not theirs.
 */
public interface Accounts {
    /**
     * The account of one address.
     *
     * @param address an addr-spec ({@code jdoe@example.org}), or a mailbox with a display name
     *     ({@code Jane Doe <jdoe@example.org>}); anything else has no account
     * @return the account name (it satisfies {@link AccountNames#isAccountName}), or empty
     */
    Optional<String> account(String address);

    /**
     * The accounts of several addresses, sorted, without duplicates; addresses without an account
     * are left out.
     */
    default Set<String> accounts(Collection<String> addresses) {
        Set<String> out = new TreeSet<>();
        for (String a : addresses) {
            account(a).ifPresent(out::add);
        }
        return out;
    }

    /** A resolver that knows no one. */
    static Accounts none() {
        return address -> Optional.empty();
    }
}
