package org.mailbridge.spi;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What may stand in a {@code fedora_messaging_user_<name>} or {@code fedora_messaging_rpm_<name>}
 * header: an account or package name of letters, digits, {@code . _ -} (and {@code +} for
 * packages), not starting with {@code .} or {@code -}, at most 64 characters. Anything else, such
 * as a display name or an address, is left out rather than mangled into a header name; the bridge
 * drops such names from every event, whoever made it. The one home of the account-name rule:
 * parsers pick their names with {@link #among} or {@link #atDomain}.
 */
public final class AccountNames {
    /** The longest name accepted. */
    public static final int MAX_LENGTH = 64;

    private AccountNames() {
    }

    /** Whether {@code s} is a user account name. */
    public static boolean isAccountName(String s) {
        return valid(s, false);
    }

    /** Whether {@code s} is a package name (account-name characters plus {@code +}, as in {@code gtk+}). */
    public static boolean isPackageName(String s) {
        return valid(s, true);
    }

    /** The account names among {@code candidates}, in order, without duplicates; the rest are left out. */
    public static Set<String> among(String... candidates) {
        Set<String> out = new LinkedHashSet<>();
        for (String c : candidates) {
            if (isAccountName(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The account an address stands for when it is at one of {@code domains} (lower case), as
     * {@code jdoe@fedoraproject.org} stands for {@code jdoe}: its local part, if that is an
     * account name. Addresses elsewhere name no account here.
     */
    public static Optional<String> atDomain(String address, Collection<String> domains) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        if (at <= 0 || !domains.contains(address.substring(at + 1).toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        String local = address.substring(0, at);
        return isAccountName(local) ? Optional.of(local) : Optional.empty();
    }

    private static boolean valid(String s, boolean plus) {
        if (s == null || s.isEmpty() || s.length() > MAX_LENGTH || s.charAt(0) == '-' || s.charAt(0) == '.') {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == '-' || (plus && c == '+');
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
