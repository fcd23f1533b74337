package org.mailbridge.config;

import java.time.Duration;

/**
 * Bounds on what one mail may cost to read. Mail is hostile input: these keep a malicious or
 * broken message from exhausting memory or time.
 *
 * @param maxMessageSize largest message accepted, in bytes; larger ones are quarantined unread
 * @param maxHeaderCount most header fields in one header section
 * @param maxHeaderLength longest single (unfolded) header field, in bytes
 * @param maxLineLength longest line anywhere in the message, in bytes
 * @param pluginTimeout longest one plugin parser may take over one mail; past it the mail is
 *     quarantined as {@code parser-error} (rule files have their regex budget, built-in parsers
 *     are bounded by construction)
 */
public record Limits(long maxMessageSize, int maxHeaderCount, int maxHeaderLength, int maxLineLength,
                     Duration pluginTimeout) {
    /** The default plugin time bound. */
    public static final Duration PLUGIN_TIMEOUT = Duration.ofSeconds(10);
    /** The defaults: 25 MiB, 1000 fields, 256 KiB per field, 1 MiB per line, 10 s per plugin call. */
    public static final Limits DEFAULT = new Limits(25L << 20, 1000, 256 << 10, 1 << 20);

    public Limits {
        if (maxMessageSize <= 0 || maxHeaderCount <= 0 || maxHeaderLength <= 0 || maxLineLength <= 0
                || pluginTimeout.isNegative() || pluginTimeout.isZero()) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** Limits with the default plugin time bound. */
    public Limits(long maxMessageSize, int maxHeaderCount, int maxHeaderLength, int maxLineLength) {
        this(maxMessageSize, maxHeaderCount, maxHeaderLength, maxLineLength, PLUGIN_TIMEOUT);
    }
}
