package org.mailbridge.rules;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates found in notification mail: RFC 2822 (with its North American zone names,
 * which Koji writes, e.g. {@code Wed, 18 Feb 2015 14:50:37 EST}), ISO 8601, or a rule's own
 * {@code format}. A date without a zone is read in the rule's {@code zone}, and refused when the
 * rule names none: a guessed zone would be an invented fact.
 */
final class Dates {
    /** RFC 2822 section 4.3: the obsolete zone names and their fixed offsets. */
    private static final Map<String, String> ZONES = Map.ofEntries(
            Map.entry("UT", "+0000"), Map.entry("GMT", "+0000"), Map.entry("UTC", "+0000"), Map.entry("Z", "+0000"),
            Map.entry("EST", "-0500"), Map.entry("EDT", "-0400"), Map.entry("CST", "-0600"), Map.entry("CDT", "-0500"),
            Map.entry("MST", "-0700"), Map.entry("MDT", "-0600"), Map.entry("PST", "-0800"), Map.entry("PDT", "-0700"));
    private static final Pattern TRAILING_ZONE = Pattern.compile("^(.*\\d)\\s+([A-Z]{1,4})(\\s*\\(.*\\))?$");
    private static final DateTimeFormatter RFC2822 = DateTimeFormatter.ofPattern("[EEE, ]d MMM yyyy HH:mm[:ss] xx",
            Locale.ENGLISH);

    private Dates() {
    }

    static Instant parse(String s, DateTimeFormatter format, ZoneId zone) {
        TemporalAccessor t = read(s, format);
        try {
            if (t.isSupported(java.time.temporal.ChronoField.OFFSET_SECONDS)
                    || t.query(java.time.temporal.TemporalQueries.zone()) != null) {
                return ZonedDateTime.from(t).toInstant();
            }
            if (zone == null) {
                throw new IllegalArgumentException("'" + FieldType.abbreviate(s) + "' has no time zone and the field names"
                        + " no 'zone'");
            }
            return LocalDateTime.from(t).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw FieldType.badDate(s, e);
        }
    }

    /** The offset written in the date, for ISO output that keeps it. */
    static Optional<ZoneOffset> offsetOf(String s, DateTimeFormatter format, ZoneId zone) {
        TemporalAccessor t = read(s, format);
        try {
            return Optional.of(OffsetDateTime.from(t).getOffset());
        } catch (DateTimeException e) {
            return zone == null ? Optional.empty()
                    : Optional.of(zone.getRules().getOffset(LocalDateTime.from(t)));
        }
    }

    private static TemporalAccessor read(String s, DateTimeFormatter format) {
        if (format != null) {
            try {
                return format.parse(s);
            } catch (DateTimeException e) {
                throw FieldType.badDate(s, e);
            }
        }
        for (DateTimeFormatter f : new DateTimeFormatter[] {DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            DateTimeFormatter.ISO_LOCAL_DATE_TIME}) {
            try {
                return f.parse(s.replace(' ', 'T'));
            } catch (DateTimeException e) {
                // try the next form
            }
        }
        String rfc = s.strip().replaceAll("\\s+", " ");
        Matcher m = TRAILING_ZONE.matcher(rfc);
        if (m.matches() && ZONES.containsKey(m.group(2))) {
            rfc = m.group(1) + " " + ZONES.get(m.group(2));
        }
        rfc = rfc.replaceFirst("\\s*\\(.*\\)$", "");
        try {
            return RFC2822.parse(rfc);
        } catch (DateTimeException e) {
            throw FieldType.badDate(s, null);
        }
    }
}
