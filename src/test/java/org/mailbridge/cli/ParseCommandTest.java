package org.mailbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.testing.TestMail;

/** {@code mailbridge parse}: the output format tools and corpus checks depend on. */
class ParseCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path conf(String extra) throws Exception {
        return Files.writeString(dir.resolve("c.toml"), "spool = \"" + dir.resolve("spool") + "\"\n" + extra);
    }

    @Test
    void printsOneJsonObjectPerLineWithIdTopicHeadersAndBodyInThatOrder() throws Exception {
        Path conf = conf("unclaimed = \"publish\"\nenvironment = \"stg\"\n");
        Path a = Files.write(dir.resolve("a.eml"), TestMail.plain("parse-a").bytes());
        Path b = Files.write(dir.resolve("b.eml"), TestMail.plain("parse-b").bytes());
        CliRun r = CliRun.of("parse", "--conf", conf.toString(), a.toString(), b.toString());
        assertThat(r.exit).as(r.err).isZero();
        List<String> lines = r.out.lines().toList();
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            JsonNode n = JSON.readTree(line);
            assertThat(List.of(n.fieldNames().next(), "")).first().isEqualTo("id");
            assertThat(iterate(n)).containsExactly("id", "topic", "headers", "body");
            assertThat(n.get("id").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(n.get("topic").asText()).isEqualTo("org.fedoraproject.stg.mail.received");
            assertThat(iterate(n.get("headers"))).startsWith("fedora_messaging_schema", "fedora_messaging_severity",
                    "sent-at", "priority");
        }
        assertThat(JSON.readTree(lines.get(0)).get("body").get("subject").asText()).isEqualTo("test parse-a");
    }

    @Test
    void theSameMailParsedTwiceHasTheSameIdsAndADifferentMailDifferentOnes() throws Exception {
        Path conf = conf("unclaimed = \"publish\"\n");
        Path a = Files.write(dir.resolve("a.eml"), TestMail.plain("same").bytes());
        Path copy = Files.write(dir.resolve("copy.eml"), TestMail.plain("same").header("Received", "by another hop").bytes());
        Path other = Files.write(dir.resolve("other.eml"), TestMail.plain("other").bytes());
        String id1 = JSON.readTree(CliRun.of("parse", "--conf", conf.toString(), a.toString()).out).get("id").asText();
        String id2 = JSON.readTree(CliRun.of("parse", "--conf", conf.toString(), copy.toString()).out).get("id").asText();
        String id3 = JSON.readTree(CliRun.of("parse", "--conf", conf.toString(), other.toString()).out).get("id").asText();
        assertThat(id2).isEqualTo(id1);
        assertThat(id3).isNotEqualTo(id1);
    }

    @Test
    void unclaimedMailPrintsNothingAndSaysWhyWithExit65() throws Exception {
        Path conf = conf("");
        Path a = Files.write(dir.resolve("a.eml"), TestMail.plain("nobody").bytes());
        CliRun r = CliRun.of("parse", "--conf", conf.toString(), "--explain", a.toString());
        assertThat(r.exit).isEqualTo(65);
        assertThat(r.out).isEmpty();
        assertThat(r.err).contains("no-parser");
    }

    @Test
    void aMissingFileIsAnIoError() throws Exception {
        CliRun r = CliRun.of("parse", "--conf", conf("").toString(), dir.resolve("nope.eml").toString());
        assertThat(r.exit).isEqualTo(74);
        assertThat(r.err).contains("no such file");
    }

    @Test
    void oversizedMailIsReportedNotRead() throws Exception {
        Path conf = conf("unclaimed = \"publish\"\n[limits]\nmax_message_size = \"1KiB\"\n");
        Path big = Files.write(dir.resolve("big.eml"), TestMail.plain("big").body("x".repeat(4096) + "\n").bytes());
        CliRun r = CliRun.of("parse", "--conf", conf.toString(), big.toString());
        assertThat(r.exit).isEqualTo(65);
        assertThat(r.err).contains("oversized");
    }

    private static List<String> iterate(JsonNode n) {
        List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
