package org.mailbridge.mail;

import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;

/**
 * Reads the one form of {@code Date} nearly every mailer writes,
 * {@code [Sat, ]28 Nov 2026 10:00:00 +0000} (RFC 5322 3.3, seconds optional), by hand: Mime4j's
 * formatter, which reads it as well, takes most of the time spent on a mail's headers. Anything
 * else (two-digit years, zone names, milliseconds, values out of range, odd spacing) is left to
 * that formatter: {@link #read} then answers null. Where it answers, it answers what the
 * formatter does; {@code CommonDatesTest} checks that on many generated dates. As there, the
 * day-of-week name is read but not checked against the date.
 */
final class CommonDates {
    private static final String[] DAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
        "nov", "dec"};

    private CommonDates() {
    }

    /** The date, or null when {@code s} is not in the common form. */
    static OffsetDateTime read(String s) {
        int i = 0;
        if (s.length() > 5 && s.charAt(3) == ',' && s.charAt(4) == ' ') {
            if (indexOf(DAYS, s, 0) < 0) {
                return null;
            }
            i = 5;
        }
        int day = digits(s, i, 2);
        if (day < 0) {
            day = digits(s, i, 1);
            i += 1;
        } else {
            i += 2;
        }
        if (day < 1 || !at(s, i, ' ')) {
            return null;
        }
        int month = indexOf(MONTHS, s, i + 1) + 1;
        i += 4;
        int year = digits(s, i + 1, 4);
        if (month < 1 || !at(s, i, ' ') || year < 1000 || !at(s, i + 5, ' ')) {
            return null;
        }
        i += 6;
        int hour = digits(s, i, 2);
        int minute = digits(s, i + 3, 2);
        if (hour < 0 || hour > 23 || !at(s, i + 2, ':') || minute < 0 || minute > 59) {
            return null;
        }
        i += 5;
        int second = 0;
        if (at(s, i, ':')) {
            second = digits(s, i + 1, 2);
            if (second < 0 || second > 59) {
                return null;
            }
            i += 3;
        }
        if (!at(s, i, ' ') || i + 6 != s.length() || (s.charAt(i + 1) != '+' && s.charAt(i + 1) != '-')) {
            return null;
        }
        int oh = digits(s, i + 2, 2);
        int om = digits(s, i + 4, 2);
        if (oh < 0 || oh > 18 || om < 0 || om > 59 || (oh == 18 && om > 0)
                || day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        int offset = (oh * 3600 + om * 60) * (s.charAt(i + 1) == '-' ? -1 : 1);
        return OffsetDateTime.of(year, month, day, hour, minute, second, 0, ZoneOffset.ofTotalSeconds(offset));
    }

    private static boolean at(String s, int i, char c) {
        return i < s.length() && s.charAt(i) == c;
    }

    /** The value of {@code n} ASCII digits at {@code i}, or -1. */
    private static int digits(String s, int i, int n) {
        if (i + n > s.length()) {
            return -1;
        }
        int v = 0;
        for (int k = i; k < i + n; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Which of the three-letter names (ASCII letters, any case) stands at {@code i}, or -1. */
    private static int indexOf(String[] names, String s, int i) {
        if (i + 3 > s.length()) {
            return -1;
        }
        for (int k = i; k < i + 3; k++) {
            char c = s.charAt(k);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return -1; // other letters fold case in surprising ways: the formatter decides
            }
        }
        for (int n = 0; n < names.length; n++) {
            String w = names[n];
            if ((s.charAt(i) | 0x20) == w.charAt(0) && (s.charAt(i + 1) | 0x20) == w.charAt(1)
                    && (s.charAt(i + 2) | 0x20) == w.charAt(2)) {
                return n;
            }
        }
        return -1;
    }
}
