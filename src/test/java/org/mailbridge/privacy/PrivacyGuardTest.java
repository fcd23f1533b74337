package org.mailbridge.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mailbridge.event.Event;

/** The last check before publishing: a text a parser declared non-public is nowhere in an event. */
class PrivacyGuardTest {
    private static Event event(Map<String, Object> headers, Map<String, Object> body) {
        return new Event("id", "org.fedoraproject.prod.x.y", headers, body);
    }

    @Test
    void findsAWithheldLineAnywhereEvenRewrapped() {
        Set<String> secret = Set.of("Customer case 03912345 is affected;\nsee the sosreport in the case.");
        Event inBody = event(Map.of(), Map.of("a", List.of(Map.of("b", "text: Customer  case 03912345\n is affected; more"))));
        assertThat(PrivacyGuard.leak(List.of(inBody), secret)).contains("event 0 body.a[0].b");
        Event inHeader = event(Map.of("x", "see the sosreport in the case."), Map.of());
        assertThat(PrivacyGuard.leak(List.of(event(Map.of(), Map.of()), inHeader), secret)).contains("event 1 header x");
        Event inKey = event(Map.of(), Map.of("see the sosreport in the case.", 1));
        assertThat(PrivacyGuard.leak(List.of(inKey), secret)).contains("event 0 body key");
    }

    @Test
    void aShortFileNameIsSearchedWholeAndCleanEventsPass() {
        assertThat(PrivacyGuard.leak(List.of(event(Map.of(), Map.of("f", "core.gz attached"))), Set.of("core.gz")))
                .isPresent();
        Event clean = event(Map.of("fedora_messaging_schema", "s"), Map.of("summary", "widgetd leaks fds"));
        assertThat(PrivacyGuard.leak(List.of(clean), Set.of("Customer case 03912345", "core.gz"))).isEmpty();
        assertThat(PrivacyGuard.leak(List.of(clean), Set.of())).isEmpty();
        // Too short to search without false alarms.
        assertThat(PrivacyGuard.needles(Set.of("ok", "\n\n"))).isEmpty();
    }

    @Test
    void theAnswerNeverQuotesTheText() {
        String secret = "the password is hunter2hunter2";
        String where = PrivacyGuard.leak(List.of(event(Map.of(), Map.of("t", secret))), Set.of(secret)).orElseThrow();
        assertThat(where).doesNotContain("hunter2");
    }
}
