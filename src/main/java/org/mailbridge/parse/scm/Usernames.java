package org.mailbridge.parse.scm;

import java.util.LinkedHashSet;
import java.util.Set;

import org.mailbridge.spi.AccountNames;

/**
 * The accounts an event concerns, for the {@code fedora_messaging_user_<name>} headers. Only
 * values that are account names (a login: letters, digits, {@code . _ -}) qualify; a display
 * name or an address is not an account and is left out rather than mangled into one.
 */
public final class Usernames {
    private Usernames() {
    }

    /** The logins among {@code candidates}, in order, without duplicates. */
    public static Set<String> of(String... candidates) {
        Set<String> out = new LinkedHashSet<>();
        for (String c : candidates) {
            if (AccountNames.isAccountName(c)) {
                out.add(c);
            }
        }
        return out;
    }
}
