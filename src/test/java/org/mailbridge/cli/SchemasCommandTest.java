package org.mailbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

class SchemasCommandTest {
    @Test
    void listsEveryTopicWithItsHeaderAndVersion() {
        CliRun r = CliRun.of("schemas");
        assertThat(r.exit).isZero();
        assertThat(r.out).containsPattern("(?m)^git\\.ref\\.update +v1 +mailbridge\\.git\\.ref\\.update\\.v1 +"
                + "https://mailbridge\\.org/schemas/v1/git\\.ref\\.update\\.json$");
        assertThat(r.out).containsPattern("(?m)^bugzilla\\.bug\\.new +v1 +bugzilla2fedmsg\\.messageV1bz4 ");
    }

    @Test
    void printsOneSchemaByFullTopic() throws Exception {
        CliRun r = CliRun.of("schemas", "org.fedoraproject.prod.svn.commit");
        assertThat(r.exit).isZero();
        assertThat(new ObjectMapper().readTree(r.out).path("x-fedora-messaging-schema").asText())
                .isEqualTo("mailbridge.svn.commit.v1");
    }

    @Test
    void anUnknownTopicIsAUsageError() {
        CliRun r = CliRun.of("schemas", "no.such.topic");
        assertThat(r.exit).isEqualTo(64);
        assertThat(r.err).contains("no schema for topic 'no.such.topic'");
    }
}
