package org.mailbridge.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mailbridge.spi.Unknowns;

/**
 * A rule's {@code [rule.body]}: the JSON body as a tree whose string leaves are
 * {@link Template}s. Evaluating it tracks which leaves used a field the mail does not carry, so
 * their paths can be listed in {@code mailbridge.unknown}, in the SPI's path syntax
 * ({@link Unknowns}).
 */
sealed interface BodyTemplate {
    /** What evaluation needs and collects. */
    final class Context {
        private final Map<String, Object> values;
        private final Set<String> unknownFields;
        private final Unknowns unknowns;

        Context(Map<String, Object> values, Set<String> unknownFields) {
            this(values, unknownFields, new Unknowns());
        }

        private Context(Map<String, Object> values, Set<String> unknownFields, Unknowns unknowns) {
            this.values = values;
            this.unknownFields = unknownFields;
            this.unknowns = unknowns;
        }

        Unknowns unknowns() {
            return unknowns;
        }

        /** The context for one {@code $each} element: same fields, same unknowns, plus the item. */
        private Context with(Object item) {
            Map<String, Object> v = new LinkedHashMap<>(values);
            v.put(FieldSpec.ITEM, item);
            return new Context(v, unknownFields, unknowns);
        }
    }

    /** Evaluates the node at {@code path}. */
    Object eval(Context ctx, String path);

    /** A number, boolean or other constant. */
    record Literal(Object value) implements BodyTemplate {
        @Override
        public Object eval(Context ctx, String path) {
            return value;
        }
    }

    /** A string leaf. */
    record Text(Template template) implements BodyTemplate {
        @Override
        public Object eval(Context ctx, String path) {
            for (String ref : template.refs()) {
                if (ctx.unknownFields.contains(ref)) {
                    ctx.unknowns.add(path);
                    return ctx.values.get(ref);
                }
            }
            return template.evaluate(ctx.values);
        }
    }

    /** A JSON object, keys in file order. */
    record Obj(Map<String, BodyTemplate> members) implements BodyTemplate {
        @Override
        public Object eval(Context ctx, String path) {
            Map<String, Object> out = new LinkedHashMap<>();
            members.forEach((k, v) -> out.put(k, v.eval(ctx, Unknowns.key(path, k))));
            return out;
        }
    }

    /** A JSON array. */
    record Arr(List<BodyTemplate> items) implements BodyTemplate {
        @Override
        public Object eval(Context ctx, String path) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                out.add(items.get(i).eval(ctx, Unknowns.index(path, i)));
            }
            return out;
        }
    }

    /**
     * {@code {"$each" = "field", "$emit" = ...}}: one {@code $emit} per element of a list field,
     * with the element as {@code {{item}}}.
     */
    record Each(String field, BodyTemplate emit) implements BodyTemplate {
        @Override
        public Object eval(Context ctx, String path) {
            if (ctx.unknownFields.contains(field)) {
                ctx.unknowns.add(path);
                return ctx.values.get(field);
            }
            Object v = ctx.values.get(field);
            List<?> elements = v instanceof List<?> l ? l : v == null ? List.of() : List.of(v);
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < elements.size(); i++) {
                out.add(emit.eval(ctx.with(elements.get(i)), Unknowns.index(path, i)));
            }
            return out;
        }
    }

    /**
     * {@code {"$when" = "field", "$emit" = ...}}: {@code $emit} when the field has a value (not
     * null, not empty), else null; for objects that exist only sometimes, like an assignee.
     */
    record When(String field, BodyTemplate emit) implements BodyTemplate {
        @Override
        public Object eval(Context ctx, String path) {
            if (ctx.unknownFields.contains(field)) {
                ctx.unknowns.add(path);
                return null;
            }
            Object v = ctx.values.get(field);
            boolean empty = v == null || "".equals(v) || (v instanceof List<?> l && l.isEmpty());
            return empty ? null : emit.eval(ctx, path);
        }
    }
}
