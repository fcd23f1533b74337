package org.mailbridge.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.apache.james.mime4j.field.DateTimeFieldLenientImpl;
import org.junit.jupiter.api.Test;

/**
 * {@link CommonDates} answers exactly what Mime4j's RFC 5322 formatter answers, wherever it
 * answers at all: checked on many generated dates in the common form (any weekday name, right or
 * wrong, any case, with and without seconds, every offset form) and on near misses it must leave
 * to the formatter.
 */
class CommonDatesTest {
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    /** What HeaderDecoder got from the formatter before: null when it did not read the date. */
    private static OffsetDateTime formatter(String s) {
        try {
            return OffsetDateTime.from(DateTimeFieldLenientImpl.RFC_5322.parse(s));
        } catch (DateTimeException e) {
            return null;
        }
    }

    @Test
    void readsEveryGeneratedCommonDateAsTheFormatterDoes() {
        Random r = new Random(42);
        int read = 0;
        for (int n = 0; n < 30_000; n++) {
            String s = generated(r);
            OffsetDateTime fast = CommonDates.read(s);
            if (fast != null) {
                read++;
                assertThat(fast).as(s).isEqualTo(formatter(s));
                assertThat(fast.getOffset()).as(s).isEqualTo(formatter(s).getOffset());
            }
        }
        assertThat(read).as("dates read by hand").isGreaterThan(15_000);
    }

    @Test
    void readsTheFormsMailersWrite() {
        for (String s : List.of("Sat, 28 Nov 2026 10:00:00 +0000", "28 Nov 2026 10:00:00 +0000", "Thu, 1 Feb 2024 23:59 -0800",
                "sat, 28 nov 2026 10:00:00 +0530", "Mon, 29 Feb 2016 00:00:00 -0000", "Fri, 31 Dec 1999 23:59:59 +1800")) {
            assertThat(CommonDates.read(s)).as(s).isNotNull().isEqualTo(formatter(s));
        }
    }

    @Test
    void leavesEverythingElseToTheFormatter() {
        for (String s : List.of("Sat, 28 Nov 26 10:00:00 +0000", "Sat, 28 Nov 2026 10:00:00 GMT", "Sat, 28 Nov 2026 10:00:00",
                "Sat, 28 Nov 2026 10:00:00.123 +0000", "Sat, 28 Nov 2026 10:00:00 +0000 (UTC)", "Sat,28 Nov 2026 10:00:00 +0000",
                "Sat, 28  Nov 2026 10:00:00 +0000", "Sat, 30 Feb 2026 10:00:00 +0000", "Sat, 28 Nov 2026 24:00:00 +0000",
                "Sat, 28 Nov 2026 10:60:00 +0000", "Sat, 28 Nov 2026 10:00:60 +0000", "Sat, 28 Nov 2026 10:00:00 +1860",
                "Sat, 28 Nov 2026 10:00:00 +1900", "Sat, 0 Nov 2026 10:00:00 +0000", "Sat, 28 Nox 2026 10:00:00 +0000",
                "Sąt, 28 Nov 2026 10:00:00 +0000", "Sat, 28 Nov 0999 10:00:00 +0000", "2026-11-28T10:00:00Z", "",
                "Sat, 28 Nov 2026 10:00:00 +00000", "Sat, 28 Nov 2026 1:00:00 +0000", "Sat, 128 Nov 2026 10:00:00 +0000")) {
            assertThat(CommonDates.read(s)).as(s).isNull();
        }
    }

    private static String generated(Random r) {
        int year = 1000 + r.nextInt(9000);
        int month = 1 + r.nextInt(12);
        // Days up to 31 in every month: impossible ones must be left to the formatter.
        int day = 1 + r.nextInt(31);
        StringBuilder b = new StringBuilder();
        if (r.nextBoolean()) {
            b.append(cased(DAYS[r.nextInt(7)], r)).append(", ");
        }
        b.append(r.nextInt(4) == 0 && day < 10 ? "0" + day : String.valueOf(day)).append(' ')
                .append(cased(MONTHS[month - 1], r)).append(' ').append(year).append(' ')
                .append(String.format(Locale.ROOT, "%02d:%02d", r.nextInt(24), r.nextInt(60)));
        if (r.nextInt(5) > 0) {
            b.append(String.format(Locale.ROOT, ":%02d", r.nextInt(60)));
        }
        int minutes = r.nextInt(19 * 60);
        b.append(' ').append(r.nextBoolean() ? '+' : '-')
                .append(String.format(Locale.ROOT, "%02d%02d", minutes / 60, r.nextInt(4) == 0 ? minutes % 60 : 0));
        return b.toString();
    }

    private static String cased(String word, Random r) {
        List<Character> out = new ArrayList<>();
        for (char c : word.toCharArray()) {
            out.add(r.nextInt(6) == 0 ? Character.toUpperCase(c) : r.nextInt(6) == 0 ? Character.toLowerCase(c) : c);
        }
        StringBuilder b = new StringBuilder();
        out.forEach(b::append);
        return b.toString();
    }
}
