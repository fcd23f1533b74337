package org.mailbridge.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The header fields of a mail, in their original order, looked up by name ignoring case.
 *
 * @param fields every field, top to bottom
 */
public record Headers(List<Header> fields) {
    public Headers {
        fields = List.copyOf(fields);
    }

    /** The decoded value of the first field with this name. */
    public Optional<String> first(String name) {
        for (Header h : fields) {
            if (h.name().equalsIgnoreCase(name)) {
                return Optional.of(h.value());
            }
        }
        return Optional.empty();
    }

    // Plain loops rather than streams below: every parser asks these of every mail.

    /** The decoded values of every field with this name, in order (an unmodifiable list). */
    public List<String> all(String name) {
        List<String> out = null;
        for (Header h : fields) {
            if (h.name().equalsIgnoreCase(name)) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(h.value());
            }
        }
        return out == null ? List.of() : Collections.unmodifiableList(out);
    }

    /** The undecoded value of the first field with this name. */
    public Optional<String> raw(String name) {
        for (Header h : fields) {
            if (h.name().equalsIgnoreCase(name)) {
                return Optional.of(h.raw());
            }
        }
        return Optional.empty();
    }

    /** Whether a field with this name is present. */
    public boolean has(String name) {
        for (Header h : fields) {
            if (h.name().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
