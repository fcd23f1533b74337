package org.mailbridge.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The one topic rule and the one parser-id rule that drafts, rule files and the config share. */
class TopicsAndIdsTest {
    @Test
    void topicsAreDottedWords() {
        assertThat(Topics.isTopic("bugzilla.bug.update")).isTrue();
        assertThat(Topics.isTopic("org.fedoraproject.prod")).isTrue();
        assertThat(Topics.isTopic("a..b")).isFalse();
        assertThat(Topics.isTopic("a.b.")).isFalse();
        assertThat(Topics.isTopic("a b")).isFalse();
        assertThat(Topics.isTopic("a.*")).isFalse();
        assertThat(Topics.isTopic("")).isFalse();
        assertThat(Topics.isTopic(null)).isFalse();
        assertThatThrownBy(() -> EventDraft.of("a.#", "s", Map.of())).hasMessageContaining(Topics.SYNTAX);
    }

    @Test
    void theHandWrittenCheckIsThePattern() {
        java.util.Random r = new java.util.Random(7);
        String alphabet = "aZ09_-.. #*é";
        for (int n = 0; n < 100_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int len = r.nextInt(8); len > 0; len--) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String s = b.toString();
            assertThat(Topics.isTopic(s)).as("'%s'", s).isEqualTo(Topics.TOPIC.matcher(s).matches());
        }
    }

    @Test
    void parserIdsFollowTheSyntaxAndMailIsReserved() {
        assertThat(ParserIds.isUsable("bugzilla")).isTrue();
        assertThat(ParserIds.isUsable("git-multimail")).isTrue();
        assertThat(ParserIds.isUsable("a.b_c-9")).isTrue();
        assertThat(ParserIds.isUsable(ParserIds.GENERIC)).isFalse();
        assertThat(ParserIds.isUsable("Bugzilla")).isFalse();
        assertThat(ParserIds.isUsable("9lives")).isFalse();
        assertThat(ParserIds.isUsable("")).isFalse();
        assertThat(ParserIds.isUsable(null)).isFalse();
    }
}
