package org.mailbridge.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailbridge.config.Config;
import org.mailbridge.config.ConfigLoader;
import org.mailbridge.event.Event;
import org.mailbridge.pipeline.Interpretation;
import org.mailbridge.pipeline.Interpreter;
import org.mailbridge.pipeline.Interpreters;
import org.mailbridge.testing.FixedClock;
import org.mailbridge.testing.Schemas;

/**
 * Golden files: every {@code src/test/resources/mail/<group>/<case>.eml} beside its
 * {@code <case>.events.json}, the exact events (or the quarantine decision) it must produce.
 * A group's {@code config.toml}, when present, is the configuration the cases run with. Every
 * produced body is validated against its topic's JSON Schema.
 *
 * <p>A missing expectation is written beside the case as {@code <case>.events.json.new} and the
 * test fails, so that a person reads it (and renames it) before it counts. To accept changed
 * output of existing cases after reviewing the diff:
 * {@code mvn -q test -Dtest=GoldenFilesTest -Dgolden.update=true}.
 */
class GoldenFilesTest {
    static final Path ROOT = Path.of("src/test/resources/mail");
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> s = Files.walk(ROOT)) {
            return s.filter(p -> p.toString().endsWith(".eml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void producesTheExpectedEvents(Path eml) throws Exception {
        Config config = configFor(eml.getParent());
        Interpreter interpreter = Interpreters.create(config, FixedClock.CLOCK);
        Interpretation result;
        try (InputStream in = Files.newInputStream(eml)) {
            result = interpreter.interpret(in, line -> { });
        }
        String head = config.topicPrefix() + "." + config.environment() + ".";
        if (result instanceof Interpretation.Publishable p) {
            for (Event e : p.events()) {
                Set<String> v = Schemas.violations(e, head);
                assertThat(v).as("schema violations of %s in %s", e.topic(), eml).isEmpty();
            }
        }
        // Through text, so that numbers compare by value (a long 5 and an int 5 are the same JSON).
        JsonNode actual = MAPPER.readTree(MAPPER.writeValueAsString(asJson(result)));
        Path expectedFile = eml.resolveSibling(eml.getFileName().toString().replaceFirst("\\.eml$", ".events.json"));
        if (!Files.exists(expectedFile)) {
            // Never under its final name: the next run would pass on output nobody has read.
            Path proposal = expectedFile.resolveSibling(expectedFile.getFileName() + ".new");
            Files.writeString(proposal, MAPPER.writeValueAsString(actual) + "\n", StandardCharsets.UTF_8);
            fail("no expectation for " + eml + "; wrote " + proposal + ": review it and rename it to "
                    + expectedFile.getFileName());
        }
        if (UPDATE) {
            Files.writeString(expectedFile, MAPPER.writeValueAsString(actual) + "\n", StandardCharsets.UTF_8);
            return;
        }
        JsonNode expected = MAPPER.readTree(expectedFile.toFile());
        if (!expected.equals(actual)) {
            Path out = Path.of("target/golden-actual").resolve(ROOT.relativize(expectedFile));
            Files.createDirectories(out.getParent());
            Files.writeString(out, MAPPER.writeValueAsString(actual) + "\n", StandardCharsets.UTF_8);
            fail("output of " + eml + " differs from " + expectedFile + "; actual written to " + out
                    + " (diff them; accept with: mvn -q test -Dtest=GoldenFilesTest -Dgolden.update=true)");
        }
    }

    static Config configFor(Path dir) throws Exception {
        Path conf = dir.resolve("config.toml");
        String text = Files.exists(conf) ? Files.readString(conf) : "";
        return ConfigLoader.parse(text, conf.toAbsolutePath(), Map.of("XDG_DATA_HOME", "/nonexistent"));
    }

    private static Object asJson(Interpretation r) {
        if (r instanceof Interpretation.Publishable p) {
            List<Map<String, Object>> events = new ArrayList<>();
            for (Event e : p.events()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", e.id());
                m.put("topic", e.topic());
                m.put("headers", e.headers());
                m.put("body", e.body());
                events.add(m);
            }
            return events;
        }
        if (r instanceof Interpretation.Withheld w) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("reason", w.reason());
            q.put("parser", w.parserId());
            q.put("detail", w.detail());
            return Map.of("withheld", q);
        }
        Interpretation.Unpublishable u = (Interpretation.Unpublishable) r;
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("reason", u.note().reason().code());
        q.put("parser", u.note().parser());
        q.put("detail", u.note().detail());
        return Map.of("quarantined", q);
    }
}
