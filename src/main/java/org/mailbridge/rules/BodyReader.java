package org.mailbridge.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a rule's {@code [rule.body]} into a {@link BodyTemplate}: tables and arrays nest, strings
 * are templates over the rule's fields, {@code "$each"} and {@code "$when"} tables repeat or
 * guard a part.
 */
final class BodyReader {
    private final FieldReader fields;

    /** @param fields the reader of the rule's fields, which knows their names */
    BodyReader(FieldReader fields) {
        this.fields = fields;
    }

    /** The body template. */
    BodyTemplate body(Node n) {
        if (n.isTable()) {
            if (n.child("$each").exists() || n.child("$when").exists() || n.child("$emit").exists()) {
                return each(n);
            }
            Map<String, BodyTemplate> members = new LinkedHashMap<>();
            for (String k : n.keys()) {
                members.put(k, body(n.child(k)));
            }
            return new BodyTemplate.Obj(members);
        }
        if (n.isArray()) {
            List<BodyTemplate> items = new ArrayList<>();
            n.elements().forEach(e -> items.add(body(e)));
            return new BodyTemplate.Arr(items);
        }
        if (n.raw().isTextual()) {
            Template t = fields.template(n, true);
            return new BodyTemplate.Text(t == null ? Template.parse("") : t);
        }
        return new BodyTemplate.Literal(FieldOptions.literal(n.raw()));
    }

    private BodyTemplate each(Node n) {
        boolean when = n.child("$when").exists();
        n.allowOnly(Set.of(when ? "$when" : "$each", "$emit"));
        String field = n.string(when ? "$when" : "$each", true);
        if (field != null) {
            fields.requireKnown(n.child("$each"), field);
        }
        if (!n.child("$emit").exists()) {
            n.error("missing key '$emit'");
            return new BodyTemplate.Literal(List.of());
        }
        if (when) {
            return new BodyTemplate.When(field == null ? "" : field, body(n.child("$emit")));
        }
        boolean had = fields.knows(FieldSpec.ITEM);
        fields.define(FieldSpec.ITEM);
        BodyTemplate emit = body(n.child("$emit"));
        if (!had) {
            fields.forget(FieldSpec.ITEM);
        }
        return new BodyTemplate.Each(field == null ? "" : field, emit);
    }
}
