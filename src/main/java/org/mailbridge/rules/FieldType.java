package org.mailbridge.rules;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Locale;

/**
 * The type a field's text is converted to ({@code type = "..."} in a rule file).
 */
enum FieldType {
    /** Text, with surrounding white space removed. */
    STRING,
    /** A whole number. */
    INT,
    /** {@code true}/{@code false}, also {@code yes}/{@code no} and {@code 1}/{@code 0}. */
    BOOL,
    /** A list: each value split at {@code split} (default {@code ,}), items trimmed, empty ones dropped. */
    LIST,
    /** A date and time, as epoch seconds. */
    DATE,
    /** A date and time, as ISO 8601 text with its offset. */
    DATETIME,
    /**
     * A person's account: a login as it is, or an address ({@code Name <address>} too) mapped by
     * the bridge's account resolver; a person without an account is missing (so {@code default}
     * or {@code unknown} applies).
     */
    ACCOUNT;

    /**
     * ISO 8601 with a numeric offset, "+00:00" for UTC rather than "Z": what Python's
     * {@code datetime.fromisoformat} reads before 3.11 (consumers such as
     * koji-fedoramessaging-messages parse these strings with it).
     */
    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendOffset("+HH:MM", "+00:00").toFormatter(Locale.ROOT);

    /** The type named in a rule file. */
    static FieldType of(String s) {
        for (FieldType t : values()) {
            if (t.name().toLowerCase(Locale.ROOT).equals(s)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown type '" + s + "' (string, int, bool, list, date, datetime, account)");
    }

    /**
     * Converts one scalar value (never {@link #LIST}).
     *
     * @throws IllegalArgumentException when the text is not of the type
     */
    Object convert(String raw, DateTimeFormatter format, ZoneId zone) {
        String s = raw.strip();
        switch (this) {
            case INT:
                try {
                    return Long.parseLong(s);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + abbreviate(s) + "' is not an integer");
                }
            case BOOL:
                switch (s.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "1" -> {
                        return true;
                    }
                    case "false", "no", "0" -> {
                        return false;
                    }
                    default -> throw new IllegalArgumentException("'" + abbreviate(s) + "' is not true or false");
                }
            case DATE:
                return Dates.parse(s, format, zone).getEpochSecond();
            case DATETIME:
                Instant i = Dates.parse(s, format, zone);
                return ISO.format(i.atOffset(Dates.offsetOf(s, format, zone)
                        .orElse(ZoneOffset.UTC)));
            default:
                return s;
        }
    }

    static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    /** Thrown for dates; kept apart to say which formats were tried. */
    static IllegalArgumentException badDate(String s, DateTimeException e) {
        return new IllegalArgumentException("'" + abbreviate(s) + "' is not a date (RFC 2822, ISO 8601 or the rule's"
                + " format)" + (e == null ? "" : ": " + e.getMessage()));
    }
}
