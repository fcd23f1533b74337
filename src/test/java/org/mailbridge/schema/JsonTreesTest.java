package org.mailbridge.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.mailbridge.event.Event;
import org.mailbridge.testing.GoldenMails;

/** The tree the validator reads is, node for node (types included), {@code valueToTree}'s. */
class JsonTreesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everyGoldenBodyGivesValueToTreesTree() throws Exception {
        List<Event> events = GoldenMails.events();
        assertThat(events).hasSizeGreaterThan(100);
        for (Event e : events) {
            assertThat(JsonTrees.of(e.body())).as(e.id()).isEqualTo(MAPPER.valueToTree(e.body()));
        }
    }

    @Test
    void everyKindOfValueGivesValueToTreesTree() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("s", "text");
        body.put("i", 5);
        body.put("l", 5L);
        body.put("big", Long.MAX_VALUE);
        body.put("d", 2.5);
        body.put("b", true);
        body.put("n", null);
        body.put("list", Arrays.asList(1, 2L, null, "x", List.of(Map.of("k", false))));
        Map<String, Object> bad = new LinkedHashMap<>(body);
        bad.put("odd", Optional.empty());
        assertThatThrownBy(() -> JsonTrees.of(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(catchThrowable(() -> MAPPER.valueToTree(bad)).getMessage());
        for (Object odd : List.of((short) 3, 1.5f, new BigDecimal("1.50"), Set.of("one"))) {
            Map<String, Object> withOdd = new LinkedHashMap<>(body);
            withOdd.put("odd", odd);
            assertThat(JsonTrees.of(withOdd)).as("%s", odd).isEqualTo(MAPPER.valueToTree(withOdd));
        }
        assertThat(JsonTrees.of(body)).isEqualTo(MAPPER.valueToTree(body));
        assertThat(JsonTrees.of(Map.of(1, "not a string key"))).isEqualTo(MAPPER.valueToTree(Map.of(1, "not a string key")));
        assertThat(JsonTrees.of(null)).isNull();
    }
}
