package org.mailbridge.spi;

/**
 * What may stand in a {@code fedora_messaging_user_<name>} or {@code fedora_messaging_rpm_<name>}
 * header: an account or package name of letters, digits, {@code . _ -} (and {@code +} for
 * packages), not starting with {@code .} or {@code -}, at most 64 characters. Anything else, such
 * as a display name or an address, is left out rather than mangled into a header name; the bridge
 * drops such names from every event, whoever made it.
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
