package org.mailbridge.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mailbridge.testing.Schemas;

/** The rule files shipped in parsers/: every topic they can make has a JSON Schema. */
class ShippedRulesTest {
    @Test
    void everyShippedTopicHasASchema() throws Exception {
        List<RuleParser> shipped = RuleLoader.load(List.of());
        assertThat(shipped).extracting(RuleParser::id).containsExactlyInAnyOrder("bodhi", "fas", "koji", "pagure", "pkgdb");
        for (RuleParser p : shipped) {
            for (String topic : p.topics()) {
                assertThat(topic).as("topic of %s is concrete", p.id()).doesNotContain("{{");
                assertThat(Schemas.exists(topic)).as("schema for %s (%s)", topic, p.id()).isTrue();
            }
        }
    }

    @Test
    void bodhiTopicsAreExpandedFromTheMailTypeMap() throws Exception {
        RuleParser bodhi = RuleLoader.load(List.of()).stream().filter(p -> p.id().equals("bodhi")).findFirst().orElseThrow();
        assertThat(bodhi.topics()).contains("bodhi.update.comment", "bodhi.update.complete.stable",
                "bodhi.update.request.testing", "bodhi.update.karma.threshold.reach", "bodhi.update.old_testing")
                .doesNotContain("bodhi.update.karma.threshold.unstable").hasSize(16);
    }
}
