package org.mailbridge.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the human units of the configuration file: sizes ({@code 25MiB}) and durations ({@code 30s}). */
final class Units {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private Units() {
    }

    /** Bytes from {@code 1048576}, {@code 512KiB}, {@code 25MiB}, {@code 1G} (binary multiples). */
    static long size(String key, String v) throws ConfigException {
        Matcher m = SIZE.matcher(v.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw ConfigException.forKey(key,
                    "key '" + key + "': '" + v + "' is not a size (examples: 65536, 512KiB, 25MiB)");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        long mult = switch (unit.charAt(0)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1L;
        };
        if (n <= 0 || n > Long.MAX_VALUE / mult) {
            throw ConfigException.forKey(key, "key '" + key + "': '" + v + "' is out of range");
        }
        return n * mult;
    }

    /** A duration from {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}. */
    static Duration duration(String key, String v) throws ConfigException {
        Matcher m = DURATION.matcher(v.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw ConfigException.forKey(key,
                    "key '" + key + "': '" + v + "' is not a duration (examples: 500ms, 30s, 5m, 2h)");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
