package org.mailbridge.spi;

import java.util.Objects;

/**
 * One header field of a mail, unfolded.
 *
 * @param name the field name as written (compare it ignoring case)
 * @param value the value with RFC 2047 encoded words decoded and surrounding white space removed
 * @param raw the value as written, unfolded but not decoded
 */
public record Header(String name, String value, String raw) {
    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(raw, "raw");
    }
}
