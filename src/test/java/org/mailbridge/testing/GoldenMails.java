package org.mailbridge.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.mailbridge.config.Config;
import org.mailbridge.config.ConfigLoader;
import org.mailbridge.event.Event;
import org.mailbridge.pipeline.Interpretation;
import org.mailbridge.pipeline.Interpreter;
import org.mailbridge.pipeline.Interpreters;

/**
 * The golden mails of {@code src/test/resources/mail} (see {@code GoldenFilesTest}), each group
 * with the interpreter of its {@code config.toml}, for tests that need real mail and real events.
 */
public final class GoldenMails {
    /** Where the golden cases are. */
    public static final Path ROOT = Path.of("src/test/resources/mail");

    private GoldenMails() {
    }

    /** Every golden mail, sorted. */
    public static List<Path> mails() throws IOException {
        try (Stream<Path> s = Files.walk(ROOT)) {
            return s.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
    }

    /** The interpreter of a group's configuration (none: the defaults), with the fixed clock. */
    public static Interpreter interpreter(Path group) {
        try {
            Path conf = group.resolve("config.toml");
            String text = Files.exists(conf) ? Files.readString(conf) : "";
            Config c = ConfigLoader.parse(text, conf.toAbsolutePath(), Map.of("XDG_DATA_HOME", "/nonexistent"));
            return Interpreters.create(c, FixedClock.CLOCK);
        } catch (Exception e) {
            throw new IllegalStateException(group + ": " + e, e);
        }
    }

    /** Every event the golden mails make. */
    public static List<Event> events() throws IOException {
        Map<Path, Interpreter> byGroup = new HashMap<>();
        List<Event> out = new ArrayList<>();
        for (Path m : mails()) {
            Interpretation r = byGroup.computeIfAbsent(m.getParent(), GoldenMails::interpreter)
                    .interpret(m, java.util.Optional.empty(), Interpreter.QUIET);
            if (r instanceof Interpretation.Publishable p) {
                out.addAll(p.events());
            }
        }
        return out;
    }
}
