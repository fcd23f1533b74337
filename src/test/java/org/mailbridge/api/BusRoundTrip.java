package org.mailbridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.mailbridge.event.Event;
import org.mailbridge.spi.EventDraft;

/** One API round trip, shared by the embedded-broker and the RabbitMQ tests. */
public final class BusRoundTrip {
    /** A git.ref.update body that satisfies its schema. */
    public static final Map<String, Object> REF = Map.of("repo", "rpms/widget", "ref", "refs/heads/main", "ref_type",
            "branch", "annotated", false, "old_rev", "1".repeat(40), "new_rev", "2".repeat(40), "forced", false,
            "agent", "alice", "commits", List.of(Map.of("rev", "2222222", "summary", "Fix it")),
            "mailbridge", Map.of("unknown", List.of()));

    private BusRoundTrip() {
    }

    /** Collects what a subscription hands over. */
    public static final class Collector implements EventHandler {
        public final BlockingQueue<Event> valid = new LinkedBlockingQueue<>();
        public final BlockingQueue<String> invalid = new LinkedBlockingQueue<>();

        @Override
        public void onEvent(Event event) {
            valid.add(event);
        }

        @Override
        public void onInvalid(Event event, String problem) {
            invalid.add(event.id() + " " + problem);
        }

        public Event next() throws InterruptedException {
            Event e = valid.poll(20, TimeUnit.SECONDS);
            assertThat(e).as("an event arrived (invalid ones: %s)", invalid).isNotNull();
            return e;
        }
    }

    /**
     * Subscribes, publishes one event with a user and a package, and checks that it arrives with
     * its id, topic, every header and its body; an invalid one published first never arrives.
     */
    public static void check(Bus bus, String environment) throws Exception {
        Collector c = new Collector();
        try (Subscription s = bus.subscribe("org.fedoraproject." + environment + ".git.ref.*", c)) {
            EventDraft bad = new EventDraft("git.ref.update", "mailbridge.git.ref.update.v1", 20,
                    Map.of("repo", "rpms/widget"), Set.of(), Set.of());
            try {
                bus.publish(bad, "00000000-0000-4000-8000-000000000000");
                throw new AssertionError("an invalid body was published");
            } catch (InvalidEventException expected) {
                assertThat(expected).hasMessageContaining("fails https://mailbridge.org/schemas/v1/git.ref.update.json");
            }
            EventDraft draft = new EventDraft("git.ref.update", "mailbridge.git.ref.update.v1", 20, REF,
                    Set.of("alice"), Set.of("widget"));
            Event sent = bus.publish(draft, java.util.UUID.randomUUID().toString());
            Event got = c.next();
            assertThat(got.id()).isEqualTo(sent.id());
            assertThat(got.topic()).isEqualTo("org.fedoraproject." + environment + ".git.ref.update");
            assertThat(got.headers()).containsEntry("fedora_messaging_schema", "mailbridge.git.ref.update.v1")
                    .containsEntry("fedora_messaging_user_alice", true).containsEntry("fedora_messaging_rpm_widget", true)
                    .containsEntry("sent-at", sent.headers().get("sent-at"));
            assertThat(((Number) got.headers().get("fedora_messaging_severity")).intValue()).isEqualTo(20);
            assertThat(((Number) got.headers().get("priority")).intValue()).isZero();
            assertThat(got.headers().keySet()).containsAll(sent.headers().keySet());
            assertThat(got.body()).isEqualTo(sent.body());
            assertThat(c.valid.poll(Duration.ofMillis(500).toMillis(), TimeUnit.MILLISECONDS))
                    .as("nothing but the valid event arrived").isNull();
            assertThat(c.invalid).isEmpty();
        }
    }
}
