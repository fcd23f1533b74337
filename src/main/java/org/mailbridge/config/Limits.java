package org.mailbridge.config;

import java.time.Duration;

/**
 * Bounds on what one mail may cost to read. Mail is hostile input: these keep a malicious or
 * broken message from exhausting memory, stack or time. Whatever the message, the reader holds
 * at most {@code maxMailText} bytes of it (plus one line), and never nests deeper than
 * {@code maxDepth}.
 *
 * @param maxMessageSize largest message accepted, in bytes; larger ones are quarantined unread
 * @param maxHeaderCount most header fields in one header section
 * @param maxHeaderLength longest single (unfolded) header field, in bytes
 * @param maxLineLength longest line anywhere in the message, in bytes
 * @param maxDepth deepest nesting of multiparts; deeper mail is malformed (the MIME library
 *     recurses once per level, so an unbounded depth overflows the stack)
 * @param maxParts most body parts in one mail
 * @param maxPartText most bytes of one text part kept for the parsers; the rest is read past
 * @param maxMailText most bytes of text (top-level header fields and text parts together)
 *     kept for one mail; later text parts keep only their size
 * @param pluginTimeout longest one plugin parser may take over one mail; past it the mail is
 *     quarantined as {@code parser-error} (rule files have their regex budget, built-in parsers
 *     are bounded by construction)
 */
public record Limits(long maxMessageSize, int maxHeaderCount, int maxHeaderLength, int maxLineLength,
                     int maxDepth, int maxParts, int maxPartText, int maxMailText, Duration pluginTimeout) {
    /** Default depth: real mail nests a handful of levels; forwarded digests a few more. */
    public static final int DEFAULT_DEPTH = 32;
    /** Default part count. */
    public static final int DEFAULT_PARTS = 1000;
    /** Default kept text per part: 16 MiB (a Bugzilla comment or a push of thousands of commits fits). */
    public static final int DEFAULT_PART_TEXT = 16 << 20;
    /** Default kept text per mail: 16 MiB. */
    public static final int DEFAULT_MAIL_TEXT = 16 << 20;
    /** The default plugin time bound. */
    public static final Duration PLUGIN_TIMEOUT = Duration.ofSeconds(10);

    /** The defaults: 25 MiB, 1000 fields, 256 KiB per field, 1 MiB per line, the above, 10 s per plugin call. */
    public static final Limits DEFAULT = new Limits(25L << 20, 1000, 256 << 10, 1 << 20);

    public Limits {
        if (maxMessageSize <= 0 || maxHeaderCount <= 0 || maxHeaderLength <= 0 || maxLineLength <= 0
                || maxDepth <= 0 || maxParts <= 0 || maxPartText <= 0 || maxMailText <= 0
                || pluginTimeout.isNegative() || pluginTimeout.isZero()) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** The four size limits, with the default structure and text caps and plugin time bound. */
    public Limits(long maxMessageSize, int maxHeaderCount, int maxHeaderLength, int maxLineLength) {
        this(maxMessageSize, maxHeaderCount, maxHeaderLength, maxLineLength, PLUGIN_TIMEOUT);
    }

    /** The four size limits and a plugin time bound, with the default structure and text caps. */
    public Limits(long maxMessageSize, int maxHeaderCount, int maxHeaderLength, int maxLineLength,
                  Duration pluginTimeout) {
        this(maxMessageSize, maxHeaderCount, maxHeaderLength, maxLineLength, DEFAULT_DEPTH, DEFAULT_PARTS,
                DEFAULT_PART_TEXT, DEFAULT_MAIL_TEXT, pluginTimeout);
    }

    /** Size, structure and text limits, with the default plugin time bound. */
    public Limits(long maxMessageSize, int maxHeaderCount, int maxHeaderLength, int maxLineLength,
                  int maxDepth, int maxParts, int maxPartText, int maxMailText) {
        this(maxMessageSize, maxHeaderCount, maxHeaderLength, maxLineLength, maxDepth, maxParts, maxPartText,
                maxMailText, PLUGIN_TIMEOUT);
    }
}
