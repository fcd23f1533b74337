package org.mailbridge.status;

import java.time.Duration;

/** Durations the way the configuration writes them: {@code 6h}, {@code 90s}, {@code 2d3h}. */
final class Durations {
    private Durations() {
    }

    static String human(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        StringBuilder b = new StringBuilder();
        long days = s / 86_400;
        long hours = s % 86_400 / 3600;
        long minutes = s % 3600 / 60;
        if (days > 0) {
            b.append(days).append('d');
        }
        if (hours > 0) {
            b.append(hours).append('h');
        }
        if (minutes > 0 && days == 0) {
            b.append(minutes).append('m');
        }
        return b.toString();
    }
}
