package org.mailbridge.parse.scm;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;

import org.mailbridge.spi.Whitespace;

/**
 * The date formats commit mailers print, read without regular expressions. Dates that carry a
 * time zone become instants; zone-less ones (Subversion's {@code ctime}, CVS {@code log_accum})
 * only when the operator told the parser the server's zone.
 */
public final class ScmDates {
    /** git's default format, {@code Fri Feb 3 09:32:50 2012 +0100}, also hg diff labels. */
    private static final DateTimeFormatter GIT = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("EEE MMM d HH:mm:ss uuuu xx").toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    /** C {@code ctime}: {@code Sun Sep  9 07:20:00 2001}, no zone. */
    private static final DateTimeFormatter CTIME = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("EEE MMM d HH:mm:ss uuuu").toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    /** svnlook's {@code 2004-04-20 01:33:35 -0700}. */
    private static final DateTimeFormatter ISO_SPACE_ZONE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xx", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter LOCAL_DASH = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter LOCAL_SLASH_SHORT = DateTimeFormatter.ofPattern("uu/MM/dd HH:mm:ss", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    /** fedora-messaging's ISO 8601 with a numeric offset, as Python's {@code isoformat()} writes it. */
    private static final DateTimeFormatter ISO_OUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);
    /** Longer than any date these formats print: a longer value is not a date and is not parsed. */
    private static final int MAX_LENGTH = 80;

    private ScmDates() {
    }

    /** A git date ({@code Fri Feb 3 09:32:50 2012 +0100}); white space runs are folded. */
    public static Optional<OffsetDateTime> git(String text) {
        String s = fold(text);
        if (s == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(s, GIT));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** svnlook's date, {@code 2004-04-20 01:33:35 -0700 (Tue, 20 Apr 2004)}; the remark is ignored. */
    public static Optional<OffsetDateTime> svnlook(String text) {
        String s = fold(text);
        if (s == null) {
            return Optional.empty();
        }
        int paren = s.indexOf(" (");
        try {
            return Optional.of(OffsetDateTime.parse(paren > 0 ? s.substring(0, paren) : s, ISO_SPACE_ZONE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A zone-less C {@code ctime} date, placed in {@code zone}; empty without a zone. */
    public static Optional<OffsetDateTime> ctime(String text, Optional<ZoneId> zone) {
        return local(text, zone, CTIME);
    }

    /** log_accum's zone-less {@code yyyy-MM-dd HH:mm:ss} or {@code yy/MM/dd HH:mm:ss}, in {@code zone}. */
    public static Optional<OffsetDateTime> logAccum(String text, Optional<ZoneId> zone) {
        String s = fold(text);
        if (s == null) {
            return Optional.empty();
        }
        return local(s, zone, s.indexOf('/') > 0 ? LOCAL_SLASH_SHORT : LOCAL_DASH);
    }

    /** The ISO 8601 text fedora-messaging bodies use, {@code 2012-02-03T09:32:50+01:00}. */
    public static String iso(OffsetDateTime t) {
        return ISO_OUT.format(t);
    }

    private static Optional<OffsetDateTime> local(String text, Optional<ZoneId> zone, DateTimeFormatter f) {
        String s = fold(text);
        if (s == null || zone.isEmpty()) {
            return Optional.empty();
        }
        try {
            LocalDateTime t = LocalDateTime.parse(s, f);
            ZoneOffset off = zone.get().getRules().getOffset(t);
            return Optional.of(t.atOffset(off));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Trims and folds runs of white space into one space; null for over-long input. */
    private static String fold(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return null;
        }
        return Whitespace.squash(text);
    }
}
