package org.mailbridge.rules;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads and checks the single options of a field ({@code group}, {@code type}, {@code map}, …). */
final class FieldOptions {
    private FieldOptions() {
    }

    static void depends(Node n, String key, String on) {
        if (n.child(key).exists() && !n.child(on).exists()) {
            n.child(key).error("'" + key + "' needs '" + on + "'");
        }
    }

    static Object group(Node n, Pattern regex) {
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

    static FieldType type(Node n, FieldType dflt) {
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

    static DateTimeFormatter format(Node n) {
        String s = n.asString(false);
        try {
            return s == null ? null : DateTimeFormatter.ofPattern(s, Locale.ENGLISH);
        } catch (IllegalArgumentException e) {
            n.error("bad date format: " + e.getMessage());
            return null;
        }
    }

    static ZoneId zone(Node n) {
        String s = n.asString(false);
        try {
            return s == null ? null : ZoneId.of(s);
        } catch (DateTimeException e) {
            n.error("unknown time zone '" + s + "'");
            return null;
        }
    }

    static Map<String, Object> map(Node n) {
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
        return Collections.unmodifiableMap(out);
    }

    static FieldSpec.Fallback fallback(Node n) {
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

    /**
     * A TOML value as a body value: {@code "{{null}}"} is null. Lists and tables come out
     * unmodifiable: one literal is shared by every mail the rule reads, on every worker thread.
     */
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
            return Collections.unmodifiableList(out);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        v.fields().forEachRemaining(e -> out.put(e.getKey(), literal(e.getValue())));
        return Collections.unmodifiableMap(out);
    }
}
