package org.mailbridge.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mailbridge.spi.EventDraft;
import org.mailbridge.spi.Header;
import org.mailbridge.spi.Headers;
import org.mailbridge.spi.Mail;
import org.mailbridge.spi.TrustVerdict;
import org.mailbridge.testing.FixedClock;

/** Ids, topics, fedora-messaging headers and the checked, serialised body of finished events. */
class EventFactoryTest {
    private static Mail mail(String mid) {
        return new Mail(new Headers(List.of(new Header("Message-ID", mid, mid))), Map.of(), List.of(), Optional.empty(),
                Optional.empty(), mid, 10);
    }

    @Test
    void headersInOrderTopicAndDeterministicIds() {
        EventFactory f = new EventFactory("org.fedoraproject", "stg", FixedClock.CLOCK);
        EventDraft d = EventDraft.of("git.receive", "fedora_messaging_git_hook.commit.v1", Map.of("a", 1))
                .withUsernames(Set.of("alice")).withPackages(Set.of("gtk+"));
        List<Event> a = f.build(mail("<m@x>"), "git-multimail", List.of(d, d), TrustVerdict.TRUSTED);
        List<Event> b = f.build(mail("<m@x>"), "git-multimail", List.of(d, d), TrustVerdict.untrusted("nope"));
        assertThat(a.get(0).topic()).isEqualTo("org.fedoraproject.stg.git.receive");
        assertThat(a.get(0).headers().keySet()).containsExactly("fedora_messaging_schema", "fedora_messaging_severity",
                "sent-at", "priority", "fedora_messaging_user_alice", "fedora_messaging_rpm_gtk+",
                "mailbridge_source_message_id", "mailbridge_parser", "mailbridge_trust");
        assertThat(a.get(0).headers().get("sent-at")).isEqualTo("2026-11-29T05:26:31+00:00");
        assertThat(a.get(0).id()).isEqualTo(b.get(0).id()).isNotEqualTo(a.get(1).id());
        assertThat(b.get(0).headers().get("mailbridge_trust")).isEqualTo("untrusted: nope");
        assertThat(f.build(mail("<other@x>"), "git-multimail", List.of(d), TrustVerdict.TRUSTED).get(0).id())
                .isNotEqualTo(a.get(0).id());
    }

    @Test
    void namesThatCannotBeHeaderNamesAreDropped() {
        EventFactory f = new EventFactory("org.fedoraproject", "prod", FixedClock.CLOCK);
        EventDraft d = EventDraft.of("t.x", "base.message", Map.of())
                .withUsernames(Set.of("ok_name", "Jane Doe", "a@b.org", "x\nmsg=forged", "-flag", "y".repeat(65)))
                .withPackages(Set.of("python-requests", "bad pkg"));
        Map<String, Object> h = f.build(mail("<m@x>"), "p", List.of(d), TrustVerdict.TRUSTED).get(0).headers();
        assertThat(h.keySet()).filteredOn(k -> k.startsWith("fedora_messaging_user_") || k.startsWith("fedora_messaging_rpm_"))
                .containsExactly("fedora_messaging_user_ok_name", "fedora_messaging_rpm_python-requests");
    }

    private static Event one(Map<String, Object> body) {
        EventFactory f = new EventFactory("org.fedoraproject", "prod", FixedClock.CLOCK);
        return f.build(mail("<m@x>"), "p", List.of(EventDraft.of("t.x", "s", body)), TrustVerdict.TRUSTED).get(0);
    }

    @Test
    void theBodyIsSerialisedOnceAndIsThePayloadAndLaterChangesToTheDraftDoNotReachIt() throws Exception {
        List<Object> items = new ArrayList<>(List.of("a"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("n", 1.5);
        body.put("none", null);
        Event e = one(body);
        items.add("added later");
        assertThat(new String(e.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"items\":[\"a\"],\"n\":1.5,\"none\":null}");
        assertThat(e.body().get("items")).isEqualTo(List.of("a"));
        assertThat(EventJson.parseBody(e.payload())).isEqualTo(e.body());
    }

    @Test
    void aBodyValueThatIsNotJsonIsRefusedWithItsPathAndTheEventNamed() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", 1);
        body.put("run", Map.of("steps", List.of("x", Optional.of("y"))));
        assertThatThrownBy(() -> one(body)).isInstanceOf(UnserialisableBodyException.class)
                .hasMessage("event 1 of 1 (t.x): body.run.steps[1]: a java.util.Optional is not a JSON value "
                        + "(maps with string keys, lists, strings, numbers, booleans, null)")
                .extracting(t -> ((UnserialisableBodyException) t).path()).isEqualTo("run.steps[1]");
    }

    @Test
    void nonFiniteNumbersNonStringKeysBeansAndEndlessNestingAreRefused() {
        assertThatThrownBy(() -> one(Map.of("x", Double.NaN))).hasMessageContaining("body.x: NaN is not a JSON number");
        assertThatThrownBy(() -> one(Map.of("x", Map.of(1, "one")))).hasMessageContaining("body.x: a map key is a java.lang.Integer");
        assertThatThrownBy(() -> one(Map.of("odd key", new Object()))).hasMessageContaining("body[\"odd key\"]: a java.lang.Object");
        Map<String, Object> loop = new HashMap<>();
        loop.put("self", loop);
        assertThatThrownBy(() -> one(loop)).isInstanceOf(UnserialisableBodyException.class)
                .hasMessageContaining("nested deeper than " + JsonBody.MAX_DEPTH);
    }
}
