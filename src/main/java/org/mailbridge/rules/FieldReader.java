package org.mailbridge.rules;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a rule's {@code [rule.fields]}, templates and {@code [rule.body]}, checking that every
 * template and {@code field:} source names a field defined before it (or a named group of the
 * match). {@code {{null}}} is JSON null, which TOML cannot write.
 */
final class FieldReader {
    static final String NULL = "null";
    private static final Set<String> FIELD = Set.of("in", "value", "regex", "group", "all", "continued", "join",
            "after", "until", "until_last", "type", "items", "split", "format", "zone", "map", "default", "unknown");
    private static final Pattern COMMA = Pattern.compile(",");

    private final Set<String> known;

    /** @param known the names defined so far (the match's named groups); fields are added as read */
    FieldReader(Set<String> known) {
        this.known = known;
    }

    Optional<FieldSpec> field(String name, Node n) {
        if (!FieldSpec.NAME.matcher(name).matches() || name.equals(FieldSpec.ITEM) || name.equals(NULL)) {
            n.error("'" + name + "' is not a field name ([a-z_][a-z0-9_]*; 'item' and 'null' are reserved)");
            return Optional.empty();
        }
        if (known.contains(name)) {
            n.error("field '" + name + "' is already defined (by a named group of the match or above)");
            return Optional.empty();
        }
        if (!n.isTable()) {
            n.error("a field is a table like { in = \"body\", regex = '^ID: (\\d+)$', type = \"int\" }");
            return Optional.empty();
        }
        n.allowOnly(FIELD);
        Source in = RuleFileReader.source(n.child("in"), false);
        if (in != null && in.kind() == Source.Kind.FIELD) {
            requireKnown(n.child("in"), in.name());
        }
        Template value = n.child("value").exists() ? template(n.child("value"), true) : null;
        boolean fallbackOnly = !n.child("in").exists() && !n.child("value").exists();
        if (n.child("in").exists() && n.child("value").exists()) {
            n.error("'in' and 'value' exclude each other");
        }
        Pattern regex = RuleFileReader.regex(n.child("regex"));
        Object group = group(n.child("group"), regex);
        Pattern continued = RuleFileReader.regex(n.child("continued"));
        Pattern after = RuleFileReader.regex(n.child("after"));
        Pattern until = RuleFileReader.regex(n.child("until"));
        String untilLast = n.string("until_last", false);
        if (untilLast != null) {
            until = RuleFileReader.regex(n.child("until_last"));
        }
        depends(n, "continued", "regex");
        depends(n, "until", "after");
        depends(n, "until_last", "after");
        if (n.child("until").exists() && untilLast != null) {
            n.error("'until' and 'until_last' exclude each other");
        }
        FieldType type = type(n.child("type"), FieldType.STRING);
        FieldType items = type(n.child("items"), FieldType.STRING);
        if (items == FieldType.LIST) {
            n.child("items").error("list items cannot be lists");
        }
        depends(n, "items", "type");
        depends(n, "split", "type");
        boolean all = n.bool("all", false);
        Pattern split = n.child("split").exists() ? RuleFileReader.regex(n.child("split")) : COMMA;
        String join = Optional.ofNullable(n.string("join", false)).orElse(" ");
        DateTimeFormatter format = format(n.child("format"));
        ZoneId zone = zone(n.child("zone"));
        Map<String, Object> map = map(n.child("map"));
        if (map != null && n.child("type").exists()) {
            n.error("'map' and 'type' exclude each other: the map's values carry their own type");
        }
        FieldSpec.Fallback fallback = fallback(n);
        if (fallbackOnly && fallback instanceof FieldSpec.Fallback.Required) {
            n.error("a field needs 'in' or 'value' (or only 'unknown'/'default' for a value the mail never carries)");
        }
        known.add(name);
        return Optional.of(new FieldSpec(name, in, value, regex, group, all, continued, join, after, until,
                untilLast != null, type, items, split == null ? COMMA : split, format, zone, map, fallback));
    }

    private static void depends(Node n, String key, String on) {
        if (n.child(key).exists() && !n.child(on).exists()) {
            n.child(key).error("'" + key + "' needs '" + on + "'");
        }
    }

    private static Object group(Node n, Pattern regex) {
        if (!n.exists()) {
            return null;
        }
        if (regex == null) {
            n.error("'group' needs 'regex'");
            return null;
        }
        if (n.raw().isIntegralNumber()) {
            int g = n.raw().asInt();
            if (g < 0 || g > regex.matcher("").groupCount()) {
                n.error("the regex has no group " + g);
            }
            return g;
        }
        String name = n.asString(true);
        if (name != null && !Condition.of(null, regex).groups().contains(name)) {
            n.error("the regex has no group named '" + name + "'");
        }
        return name;
    }

    private static FieldType type(Node n, FieldType dflt) {
        String s = n.asString(false);
        if (s == null) {
            return dflt;
        }
        try {
            return FieldType.of(s);
        } catch (IllegalArgumentException e) {
            n.error(e.getMessage());
            return dflt;
        }
    }

    private static DateTimeFormatter format(Node n) {
        String s = n.asString(false);
        try {
            return s == null ? null : DateTimeFormatter.ofPattern(s, Locale.ENGLISH);
        } catch (IllegalArgumentException e) {
            n.error("bad date format: " + e.getMessage());
            return null;
        }
    }

    private static ZoneId zone(Node n) {
        String s = n.asString(false);
        try {
            return s == null ? null : ZoneId.of(s);
        } catch (DateTimeException e) {
            n.error("unknown time zone '" + s + "'");
            return null;
        }
    }

    private static Map<String, Object> map(Node n) {
        if (!n.exists()) {
            return null;
        }
        if (!n.isTable() || n.size() == 0) {
            n.error("must be a non-empty table of text = value");
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String k : n.keys()) {
            out.put(k, literal(n.child(k).raw()));
        }
        return out;
    }

    private static FieldSpec.Fallback fallback(Node n) {
        boolean d = n.child("default").exists();
        boolean u = n.child("unknown").exists();
        if (d && u) {
            n.error("'default' and 'unknown' exclude each other");
        }
        if (d) {
            return new FieldSpec.Fallback.Default(literal(n.child("default").raw()));
        }
        return u ? new FieldSpec.Fallback.Unknown(literal(n.child("unknown").raw())) : new FieldSpec.Fallback.Required();
    }

    /** A TOML value as a body value: {@code "{{null}}"} is null. */
    static Object literal(JsonNode v) {
        if (v.isTextual()) {
            return v.asText().strip().equals("{{null}}") ? null : v.asText();
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isArray()) {
            List<Object> out = new ArrayList<>();
            v.forEach(e -> out.add(literal(e)));
            return out;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        v.fields().forEachRemaining(e -> out.put(e.getKey(), literal(e.getValue())));
        return out;
    }

    /** A template whose placeholders name known fields. */
    Template template(Node n, boolean required) {
        String s = n.asString(required);
        if (s == null) {
            return null;
        }
        try {
            Template t = Template.parse(s);
            for (String ref : t.refs()) {
                requireKnown(n, ref);
            }
            return t;
        } catch (IllegalArgumentException e) {
            n.error("template error: " + e.getMessage());
            return null;
        }
    }

    List<Template> templates(Node n) {
        List<Template> out = new ArrayList<>();
        if (!n.exists()) {
            return out;
        }
        if (!n.isArray()) {
            n.error("must be a list of templates");
            return out;
        }
        for (Node e : n.elements()) {
            Template t = template(e, true);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    private void requireKnown(Node n, String name) {
        if (!known.contains(name) && !name.equals(NULL)) {
            n.error("template error: no field '" + name + "' is defined before this (known: " + String.join(", ", known)
                    + ")");
        }
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
            Template t = template(n, true);
            return new BodyTemplate.Text(t == null ? Template.parse("") : t);
        }
        return new BodyTemplate.Literal(literal(n.raw()));
    }

    private BodyTemplate each(Node n) {
        boolean when = n.child("$when").exists();
        n.allowOnly(Set.of(when ? "$when" : "$each", "$emit"));
        String field = n.string(when ? "$when" : "$each", true);
        if (field != null) {
            requireKnown(n.child("$each"), field);
        }
        if (!n.child("$emit").exists()) {
            n.error("missing key '$emit'");
            return new BodyTemplate.Literal(List.of());
        }
        if (when) {
            return new BodyTemplate.When(field == null ? "" : field, body(n.child("$emit")));
        }
        boolean had = known.contains(FieldSpec.ITEM);
        known.add(FieldSpec.ITEM);
        BodyTemplate emit = body(n.child("$emit"));
        if (!had) {
            known.remove(FieldSpec.ITEM);
        }
        return new BodyTemplate.Each(field == null ? "" : field, emit);
    }
}
