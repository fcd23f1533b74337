package org.mailbridge.config;

/**
 * Bounds on what one mail may cost to read. Mail is hostile input: these keep a malicious or
 * broken message from exhausting memory or time.
 *
 * @param maxMessageSize largest message accepted, in bytes; larger ones are quarantined unread
 * @param maxHeaderCount most header fields in one header section
 * @param maxHeaderLength longest single (unfolded) header field, in bytes
 * @param maxLineLength longest line anywhere in the message, in bytes
 */
public record Limits(long maxMessageSize, int maxHeaderCount, int maxHeaderLength, int maxLineLength) {
    /** The defaults: 25 MiB, 1000 fields, 256 KiB per field, 1 MiB per line. */
    public static final Limits DEFAULT = new Limits(25L << 20, 1000, 256 << 10, 1 << 20);

    public Limits {
        if (maxMessageSize <= 0 || maxHeaderCount <= 0 || maxHeaderLength <= 0 || maxLineLength <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
