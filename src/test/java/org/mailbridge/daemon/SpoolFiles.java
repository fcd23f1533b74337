package org.mailbridge.daemon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.mailbridge.config.Config;
import org.mailbridge.consume.EventConsumer;
import org.mailbridge.event.Event;

/** Spool fixtures for daemon tests: mails placed in order, events counted at a consumer. */
final class SpoolFiles {
    private SpoolFiles() {
    }

    /** A spool name that sorts by {@code n}: the daemon takes mail oldest name first. */
    static String name(int n) {
        return String.format("17%08d.M1P1Q1R1.test", n);
    }

    static Path put(Path spool, String dir, int n, byte[] mail) throws Exception {
        Path d = spool.resolve(dir);
        Files.createDirectories(d);
        return Files.write(d.resolve(name(n)), mail);
    }

    /** Subjects of the events a consumer receives until {@code count} arrived or {@code wait} passed. */
    static Set<String> subjects(EventConsumer consumer, int count, Duration wait) throws Exception {
        Set<String> seen = new HashSet<>();
        long end = System.nanoTime() + wait.toNanos();
        while (seen.size() < count && System.nanoTime() < end) {
            Optional<Event> e = consumer.next(Duration.ofMillis(500));
            e.ifPresent(ev -> seen.add(String.valueOf(ev.body().get("subject"))));
        }
        return seen;
    }

    static EventConsumer consumer(Config config, String url) throws Exception {
        return EventConsumer.open(config.domains().get(0).withUrl(url), List.of("org.fedoraproject.#"),
                Duration.ofSeconds(10));
    }

    /** The first line of a reason file. */
    static String reason(Path spool, int n) throws Exception {
        return Files.readAllLines(spool.resolve("quarantine").resolve(name(n) + ".reason")).get(0);
    }
}
