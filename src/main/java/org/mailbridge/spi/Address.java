package org.mailbridge.spi;

import java.util.Locale;
import java.util.Objects;

/**
 * A mailbox from an address header or the envelope.
 *
 * @param name the display name, decoded, or empty
 * @param email the address ({@code local@domain}) as written
 */
public record Address(String name, String email) {
    public Address {
        name = name == null ? "" : name;
        Objects.requireNonNull(email, "email");
    }

    /** The address with the domain in lower case, for comparisons (local parts are case-sensitive). */
    public String normalized() {
        int at = email.lastIndexOf('@');
        return at < 0 ? email : email.substring(0, at + 1) + email.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** The domain part in lower case, or empty. */
    public String domain() {
        int at = email.lastIndexOf('@');
        return at < 0 ? "" : email.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
