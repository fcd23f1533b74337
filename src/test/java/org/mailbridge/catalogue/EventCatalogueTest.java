package org.mailbridge.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.mailbridge.config.Config;
import org.mailbridge.config.ConfigLoader;
import org.mailbridge.parse.GenericMailParser;
import org.mailbridge.parse.ParserLoader;
import org.mailbridge.parse.ParserRegistry;
import org.mailbridge.schema.BodySchema;
import org.mailbridge.schema.SchemaCatalog;
import org.mailbridge.testing.FixedClock;

/**
 * The bus contract holds together, and {@code docs/EVENTS.md} is its current description: every
 * topic a shipped parser can make has a schema, every schema has a golden example whose header
 * is the schema's, schemas that share a header are the same schema, and the checked-in catalogue
 * is exactly what these produce. A stale catalogue fails the build; after reviewing the
 * difference, regenerate it with {@code mvn -q test -Dtest=EventCatalogueTest -Dcatalogue.update=true}.
 */
class EventCatalogueTest {
    private static final Path CATALOGUE = Path.of("docs/EVENTS.md");
    private static final SchemaCatalog SCHEMAS = SchemaCatalog.builtIn();

    @Test
    void everyTopicAParserCanMakeHasASchema() throws Exception {
        Map<String, String> declared = declaredTopics();
        assertThat(declared).isNotEmpty();
        declared.forEach((topic, parser) -> assertThat(SCHEMAS.topics())
                .as("topic %s of parser %s has no schemas/%s.json", topic, parser, topic).contains(topic));
    }

    @Test
    void everySchemaHasAGoldenExampleCarryingItsHeader() throws Exception {
        Map<String, List<GoldenExamples.Example>> byTopic = examplesByTopic();
        for (String topic : SCHEMAS.topics()) {
            assertThat(byTopic).as("schema %s has no example: add a golden mail that produces it", topic)
                    .containsKey(topic);
            String header = SCHEMAS.forSuffix(topic).orElseThrow().header();
            for (GoldenExamples.Example e : byTopic.get(topic)) {
                assertThat(e.header("fedora_messaging_schema")).as("header of %s in %s", topic, e.file())
                        .isEqualTo(header);
            }
        }
    }

    /**
     * A fedora-messaging class has one body schema, so topics whose header names one of our own
     * classes must have the same schema. (Bodies claiming an upstream class, such as
     * bugzilla2fedmsg's, may be stricter per topic: they must satisfy upstream's schema, not be it.)
     */
    @Test
    void schemasSharingOneOfOurHeadersAreOneSchema() {
        Map<String, Set<String>> topicsByHeader = new TreeMap<>();
        for (String t : SCHEMAS.topics()) {
            String h = SCHEMAS.forSuffix(t).orElseThrow().header();
            if (h.startsWith("mailbridge.")) {
                topicsByHeader.computeIfAbsent(h, k -> new TreeSet<>()).add(t);
            }
        }
        assertThat(topicsByHeader).containsKey("mailbridge.bodhi.update.v1");
        topicsByHeader.forEach((header, topics) -> {
            String first = topics.iterator().next();
            JsonNode reference = comparable(SCHEMAS.forSuffix(first).orElseThrow());
            for (String t : topics) {
                boolean same = comparable(SCHEMAS.forSuffix(t).orElseThrow()).equals(reference);
                assertThat(same).as("%s shares the header %s with %s, so their schemas must be the same", t, header,
                        first).isTrue();
            }
        });
    }

    @Test
    void theCheckedInCatalogueIsCurrent() throws Exception {
        String fresh = generate();
        Path out = Path.of("target/EVENTS.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, fresh, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("catalogue.update")) {
            Files.writeString(CATALOGUE, fresh, StandardCharsets.UTF_8);
            return;
        }
        String checkedIn = Files.exists(CATALOGUE) ? Files.readString(CATALOGUE, StandardCharsets.UTF_8) : "";
        if (!checkedIn.equals(fresh)) {
            fail(CATALOGUE + " is stale; the current one is in " + out + " (diff them; regenerate with:"
                    + " mvn -q test -Dtest=EventCatalogueTest -Dcatalogue.update=true)");
        }
    }

    static String generate() throws Exception {
        Map<String, List<GoldenExamples.Example>> byTopic = examplesByTopic();
        Map<String, String> declared = declaredTopics();
        List<CatalogueWriter.Entry> entries = new ArrayList<>();
        for (String topic : SCHEMAS.topics()) {
            List<GoldenExamples.Example> ex = byTopic.getOrDefault(topic, List.of());
            Set<String> parsers = new TreeSet<>();
            ex.forEach(e -> parsers.add(e.header("mailbridge_parser")));
            if (declared.containsKey(topic)) {
                parsers.add(declared.get(topic));
            }
            // A trusted example where there is one: it is what consumers actually receive.
            GoldenExamples.Example shown = ex.stream().filter(e -> e.header("mailbridge_trust").equals("trusted"))
                    .findFirst().orElse(ex.isEmpty() ? null : ex.get(0));
            if (shown != null) {
                entries.add(new CatalogueWriter.Entry(SCHEMAS.forSuffix(topic).orElseThrow(), parsers, shown));
            }
        }
        return CatalogueWriter.write(entries);
    }

    private static Map<String, List<GoldenExamples.Example>> examplesByTopic() throws Exception {
        Map<String, List<GoldenExamples.Example>> out = new TreeMap<>();
        for (GoldenExamples.Example e : GoldenExamples.all()) {
            BodySchema s = SCHEMAS.forTopic(e.topic()).orElseThrow(() -> new AssertionError(
                    "golden event of topic " + e.topic() + " in " + e.file() + " has no schema"));
            out.computeIfAbsent(s.topic(), t -> new ArrayList<>()).add(e);
        }
        return out;
    }

    /** Topic → the parser that declares it, over the built-in parsers, the shipped rules and the generic one. */
    private static Map<String, String> declaredTopics() throws Exception {
        Config config = ConfigLoader.parse("", Path.of("none.toml").toAbsolutePath(), Map.of("XDG_DATA_HOME", "/nonexistent"));
        Map<String, String> out = new TreeMap<>();
        try (ParserRegistry r = ParserLoader.of(config).load(FixedClock.CLOCK)) {
            for (ParserRegistry.LoadedParser lp : r.parsers()) {
                lp.parser().topics().forEach(t -> out.putIfAbsent(t, lp.parser().id()));
            }
        }
        out.putIfAbsent(GenericMailParser.TOPIC, GenericMailParser.ID);
        return out;
    }

    private static JsonNode comparable(BodySchema s) {
        ObjectNode n = s.source().deepCopy();
        n.remove(List.of("$id", "id", "title", "description"));
        return n;
    }
}
