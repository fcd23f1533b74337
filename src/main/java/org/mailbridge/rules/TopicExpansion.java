package org.mailbridge.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The concrete topics a topic template can render, for {@code mailbridge parsers} and for the
 * test that every shipped topic has a JSON Schema: possible when each placeholder names a field
 * with a {@code map}, whose values are then all the field can be.
 */
final class TopicExpansion {
    private TopicExpansion() {
    }

    static List<String> expand(Template topic, List<FieldSpec> fields) {
        Map<String, FieldSpec> byName = new LinkedHashMap<>();
        fields.forEach(f -> byName.put(f.name(), f));
        List<Map<String, Object>> combos = new ArrayList<>(List.of(Map.of()));
        for (String ref : topic.refs()) {
            FieldSpec f = byName.get(ref);
            if (f == null || f.map() == null) {
                return List.of(topic.toString());
            }
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> c : combos) {
                for (Object v : f.map().values()) {
                    Map<String, Object> m = new LinkedHashMap<>(c);
                    m.put(ref, v);
                    next.add(m);
                }
            }
            combos = next;
        }
        return combos.stream().map(topic::render).distinct().toList();
    }
}
