package org.mailbridge.spool;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The envelope sender as the MTA gave it to {@code deliver} ({@code --sender}, from procmail's
 * {@code $SENDER}), recorded as the first line of the spool file:
 * {@code X-Mailbridge-Envelope-From: <bounce@example.org>}. {@code deliver} always writes this
 * line, with {@code unknown} when it was given no sender, so the first line of a spooled message
 * is never the sender's own text: a copy of the field further down is only a header of the mail
 * and is never believed. The reader takes the line off before the MIME parser sees it.
 *
 * <p>On {@code deliver}'s start-up path: JDK only.
 */
public final class EnvelopeTrace {
    /** The field name. */
    public static final String FIELD = "X-Mailbridge-Envelope-From";
    private static final String UNKNOWN = "unknown";
    private static final int MAX_ADDRESS = 512;

    private EnvelopeTrace() {
    }

    /**
     * The line {@code deliver} writes.
     *
     * @param sender the MTA's envelope sender; empty or {@code <>} is the null sender of bounces;
     *     null when the MTA gave none
     * @throws IllegalArgumentException when the value cannot be an address
     */
    public static byte[] line(String sender) {
        String v;
        if (sender == null) {
            v = UNKNOWN;
        } else {
            String s = sender.strip();
            if (s.startsWith("<") && s.endsWith(">")) {
                s = s.substring(1, s.length() - 1).strip();
            }
            if (s.length() > MAX_ADDRESS || !s.chars().allMatch(c -> c > 32 && c < 127 && c != '<' && c != '>')
                    || (!s.isEmpty() && s.indexOf('@') <= 0)) {
                throw new IllegalArgumentException("'" + sender + "' is not an envelope sender address");
            }
            v = "<" + s + ">";
        }
        return (FIELD + ": " + v + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Reads the value of a first line written by {@link #line}.
     *
     * @param line the first line without its line end
     * @return empty when the line is not a trace line; else the sender, or an empty string for
     *     the null sender and for an unknown one
     */
    public static Optional<String> parse(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0 || !line.substring(0, colon).strip().toLowerCase(Locale.ROOT)
                .equals(FIELD.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        String v = line.substring(colon + 1).strip();
        if (v.startsWith("<") && v.endsWith(">") && v.indexOf('@') > 1) {
            return Optional.of(v.substring(1, v.length() - 1));
        }
        return Optional.of("");
    }
}
