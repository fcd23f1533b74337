package org.mailbridge.catalogue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The events of the golden files ({@code src/test/resources/mail/**}{@code /*.events.json}): the
 * real examples the catalogue shows, in path order so that the choice is stable.
 */
final class GoldenExamples {
    static final Path ROOT = Path.of("src/test/resources/mail");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * One produced event of a golden case.
     *
     * @param file the expectation file, relative to {@link #ROOT}
     * @param event the event: id, topic, headers, body
     */
    record Example(Path file, JsonNode event) {
        String topic() {
            return event.path("topic").asText();
        }

        String header(String name) {
            return event.path("headers").path(name).asText("");
        }

        JsonNode body() {
            return event.path("body");
        }
    }

    private GoldenExamples() {
    }

    static List<Example> all() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(ROOT)) {
            files = s.filter(p -> p.toString().endsWith(".events.json")).sorted().toList();
        }
        List<Example> out = new ArrayList<>();
        for (Path f : files) {
            JsonNode n = MAPPER.readTree(f.toFile());
            if (n.isArray()) {
                n.forEach(e -> out.add(new Example(ROOT.relativize(f), e)));
            }
        }
        return out;
    }
}
