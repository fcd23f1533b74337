package org.mailbridge.spi;

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

    /** The decoded values of every field with this name, in order. */
    public List<String> all(String name) {
        return fields.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).toList();
    }

    /** The undecoded value of the first field with this name. */
    public Optional<String> raw(String name) {
        return fields.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::raw).findFirst();
    }

    /** Whether a field with this name is present. */
    public boolean has(String name) {
        return fields.stream().anyMatch(h -> h.name().equalsIgnoreCase(name));
    }
}
