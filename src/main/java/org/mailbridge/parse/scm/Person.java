package org.mailbridge.parse.scm;

import java.util.Objects;

import org.mailbridge.spi.Address;

/**
 * A commit author as a mail shows it: {@code Name <email>}, a bare address, or a bare name or
 * login. A part the mail does not show is the empty string.
 *
 * @param name the display name or login, or empty
 * @param email the address, or empty
 */
public record Person(String name, String email) {
    /** Nobody: both parts unknown. */
    public static final Person NOBODY = new Person("", "");

    public Person {
        name = Objects.requireNonNull(name, "name").strip();
        email = Objects.requireNonNull(email, "email").strip();
    }

    /** Reads {@code Name <email>}, {@code <email>}, {@code email} or a bare name. */
    public static Person parse(String text) {
        String s = text == null ? "" : text.strip();
        int lt = s.lastIndexOf('<');
        int gt = s.lastIndexOf('>');
        if (lt >= 0 && gt > lt) {
            String name = s.substring(0, lt).strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
            return new Person(name, s.substring(lt + 1, gt));
        }
        if (s.indexOf('@') > 0 && s.indexOf(' ') < 0) {
            return new Person("", s);
        }
        return new Person(s, "");
    }

    /** The mailbox of an address header. */
    public static Person of(Address a) {
        return new Person(a.name(), a.email());
    }

    /** Whether neither part is known. */
    public boolean isEmpty() {
        return name.isEmpty() && email.isEmpty();
    }

    /** The local part of the address, or empty. */
    public String localPart() {
        int at = email.indexOf('@');
        return at > 0 ? email.substring(0, at) : "";
    }
}
