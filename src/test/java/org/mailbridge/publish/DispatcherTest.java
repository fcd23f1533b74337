package org.mailbridge.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mailbridge.config.Config;
import org.mailbridge.config.ConfigLoader;
import org.mailbridge.event.Event;
import org.mailbridge.testing.RecordingPublisher;

/** A mail's events split over security domains: all routed before any is sent. */
class DispatcherTest {
    private static Event event(String suffix) {
        return new Event(suffix, "org.fedoraproject.prod." + suffix, Map.of(), Map.of());
    }

    private static Router router() throws Exception {
        Config c = ConfigLoader.parse("""
                [domains.infra]
                url = "amqp://infra"
                topics = ["bugzilla.#"]
                [domains.community]
                url = "amqp://community"
                topics = ["pagure.#"]
                """, Path.of("d.toml"), Map.of());
        return new Router(c.domains(), "org.fedoraproject.prod.");
    }

    @Test
    void eachDomainGetsItsShareInOrder() throws Exception {
        RecordingPublisher infra = new RecordingPublisher("infra");
        RecordingPublisher community = new RecordingPublisher("community");
        new Dispatcher(router(), Map.of("infra", infra, "community", community))
                .publish("p", List.of(event("bugzilla.a"), event("pagure.b"), event("bugzilla.c")));
        assertThat(infra.published()).extracting(Event::id).containsExactly("bugzilla.a", "bugzilla.c");
        assertThat(community.published()).extracting(Event::id).containsExactly("pagure.b");
    }

    @Test
    void anUnroutableEventStopsTheMailBeforeAnythingIsSent() throws Exception {
        RecordingPublisher infra = new RecordingPublisher("infra");
        RecordingPublisher community = new RecordingPublisher("community");
        Dispatcher d = new Dispatcher(router(), Map.of("infra", infra, "community", community));
        assertThatThrownBy(() -> d.publish("p", List.of(event("bugzilla.a"), event("git.receive"))))
                .isInstanceOf(NoRouteException.class).hasMessageContaining("git.receive");
        assertThat(infra.published()).isEmpty();
    }

    @Test
    void aFailingDomainFailsTheWholeMailSoItIsRetried() throws Exception {
        RecordingPublisher infra = new RecordingPublisher("infra");
        RecordingPublisher community = new RecordingPublisher("community").failing(PublishException.Scope.CONNECTION);
        Dispatcher d = new Dispatcher(router(), Map.of("infra", infra, "community", community));
        assertThatThrownBy(() -> d.publish("p", List.of(event("bugzilla.a"), event("pagure.b"))))
                .isInstanceOf(PublishException.class)
                .satisfies(e -> assertThat(((PublishException) e).domain()).isEqualTo("community"));
        d.publish("p", List.of(event("bugzilla.a"), event("pagure.b")));
        // The retry repeats infra's event: same id, which consumers drop as a duplicate.
        assertThat(infra.published()).extracting(Event::id).containsExactly("bugzilla.a", "bugzilla.a");
        assertThat(community.published()).extracting(Event::id).containsExactly("pagure.b");
    }
}
