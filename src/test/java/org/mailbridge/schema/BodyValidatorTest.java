package org.mailbridge.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BodyValidatorTest {
    private static final BodyValidator V = BodyValidator.builtIn();
    private static final Map<String, Object> REF = Map.of("repo", "r", "ref", "refs/heads/main", "ref_type", "branch",
            "annotated", false, "old_rev", "1".repeat(40), "new_rev", "2".repeat(40), "forced", false, "agent", "",
            "commits", List.of(), "mailbridge", Map.of("unknown", List.of()));

    @Test
    void findsTheSchemaByTheLongestSuffixOfAFullTopic() {
        assertThat(SchemaCatalog.builtIn().forTopic("org.fedoraproject.stg.git.ref.update").orElseThrow().topic())
                .isEqualTo("git.ref.update");
        assertThat(SchemaCatalog.builtIn().forTopic("org.fedoraproject.stg.ref.nothing")).isEmpty();
    }

    @Test
    void acceptsAValidBodyWithItsHeader() {
        assertThat(V.problem("org.fedoraproject.prod.git.ref.update", "mailbridge.git.ref.update.v1", REF)).isEmpty();
    }

    @Test
    void refusesAnInvalidBodyAWrongHeaderAndAnUnknownTopic() {
        Map<String, Object> bad = new java.util.HashMap<>(REF);
        bad.put("forced", "yes");
        assertThat(V.problem("git.ref.update", "mailbridge.git.ref.update.v1", bad)).get().asString()
                .contains("fails https://mailbridge.org/schemas/v1/git.ref.update.json").contains("forced");
        assertThat(V.problem("git.ref.update", "mailbridge.git.ref.create.v1", REF)).get().asString()
                .contains("header fedora_messaging_schema is 'mailbridge.git.ref.create.v1'");
        assertThat(V.problem("org.example.thing.happened", null, Map.of())).get().asString()
                .contains("has no schema");
    }

    @Test
    void aRegisteredSchemaMustNameItsVersionAndHeader() {
        String ok = "{\"$schema\":\"http://json-schema.org/draft-07/schema#\","
                + "\"$id\":\"https://example.org/schemas/v2/backup.done.json\","
                + "\"x-fedora-messaging-schema\":\"example.backup.done.v2\",\"type\":\"object\","
                + "\"required\":[\"host\"]}";
        SchemaCatalog c = SchemaCatalog.builtIn().with("backup.done", ok.getBytes(StandardCharsets.UTF_8));
        BodySchema s = c.forSuffix("backup.done").orElseThrow();
        assertThat(s.version()).isEqualTo(2);
        assertThat(new BodyValidator(c).problem("backup.done", "example.backup.done.v2", Map.of("host", "a"))).isEmpty();
        assertThat(new BodyValidator(c).problem("backup.done", "example.backup.done.v2", Map.of())).isPresent();
        assertThatThrownBy(() -> SchemaCatalog.builtIn().with("x", "{\"$id\":\"https://e/x.json\"}".getBytes(
                StandardCharsets.UTF_8))).isInstanceOf(SchemaException.class).hasMessageContaining("versioned");
    }
}
