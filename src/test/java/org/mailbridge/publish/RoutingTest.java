package org.mailbridge.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mailbridge.config.Config;
import org.mailbridge.config.ConfigLoader;

/** Topic patterns and the routing of events to security domains. */
class RoutingTest {
    @Test
    void amqpTopicPatterns() {
        assertThat(TopicPattern.matches("#", "a.b.c")).isTrue();
        assertThat(TopicPattern.matches("a.#", "a")).isTrue();
        assertThat(TopicPattern.matches("a.*", "a")).isFalse();
        assertThat(TopicPattern.matches("a.*.c", "a.b.c")).isTrue();
        assertThat(TopicPattern.matches("a.*.c", "a.b.x.c")).isFalse();
        assertThat(TopicPattern.matches("a.#.c", "a.b.x.c")).isTrue();
        assertThat(TopicPattern.matches("#.update", "bugzilla.bug.update")).isTrue();
        assertThat(TopicPattern.matches("bugzilla.bug.new", "bugzilla.bug.update")).isFalse();
        // many # against a long topic stays linear
        assertThat(TopicPattern.matches("#.#.#.#.#.#.#.#.#.#.#.#.x", "a.".repeat(500) + "y")).isFalse();
    }

    @Test
    void parserRoutesWinThenTopicsThenTheDefault() throws Exception {
        Config c = ConfigLoader.parse("""
                [domains.infra]
                url = "amqp://infra:5672"
                default = true
                [domains.community]
                url = "amqp://community:5672"
                topics = ["pagure.#", "org.fedoraproject.prod.copr.*"]
                parsers = ["koji"]
                """, Path.of("r.toml"), Map.of());
        Router r = new Router(c.domains(), "org.fedoraproject.prod.");
        assertThat(r.route("pagure", "org.fedoraproject.prod.pagure.issue.new")).hasValueSatisfying(d -> assertThat(d.name()).isEqualTo("community"));
        assertThat(r.route("copr", "org.fedoraproject.prod.copr.build")).hasValueSatisfying(d -> assertThat(d.name()).isEqualTo("community"));
        assertThat(r.route("koji", "org.fedoraproject.prod.buildsys.tag")).hasValueSatisfying(d -> assertThat(d.name()).isEqualTo("community"));
        assertThat(r.route("bugzilla", "org.fedoraproject.prod.bugzilla.bug.new")).hasValueSatisfying(d -> assertThat(d.name()).isEqualTo("infra"));
    }

    @Test
    void withoutADefaultAnUnroutedEventHasNoDomain() throws Exception {
        Config c = ConfigLoader.parse("""
                [domains.a]
                url = "amqp://a:5672"
                topics = ["bugzilla.#"]
                [domains.b]
                url = "amqp://b:5672"
                topics = ["git.#"]
                """, Path.of("r.toml"), Map.of());
        Router r = new Router(c.domains(), "org.fedoraproject.prod.");
        assertThat(r.route("mail", "org.fedoraproject.prod.mail.received")).isEmpty();
    }

    @Test
    void urlOptionsAreAddedOnlyWhenAbsent() {
        assertThat(JmsConnections.withOption("amqps://h:5671", "amqp.saslMechanisms", "EXTERNAL"))
                .isEqualTo("amqps://h:5671?amqp.saslMechanisms=EXTERNAL");
        assertThat(JmsConnections.withOption("amqps://h:5671?x=1", "amqp.saslMechanisms", "EXTERNAL"))
                .isEqualTo("amqps://h:5671?x=1&amqp.saslMechanisms=EXTERNAL");
        assertThat(JmsConnections.withOption("failover:(amqps://a:5671,amqps://b:5671)", "amqp.saslMechanisms", "EXTERNAL"))
                .isEqualTo("failover:(amqps://a:5671,amqps://b:5671)?failover.nested.amqp.saslMechanisms=EXTERNAL");
        assertThat(JmsConnections.withOption("amqps://h?amqp.saslMechanisms=PLAIN", "amqp.saslMechanisms", "EXTERNAL"))
                .endsWith("PLAIN");
    }
}
