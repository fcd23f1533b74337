package org.mailbridge.rules;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;


/**
 * Reads a rule's {@code [rule.fields]}, templates and {@code [rule.body]}, checking that every
 * template and {@code field:} source names a field defined before it (or a named group of the
 * match). {@code {{null}}} is JSON null, which TOML cannot write.
 */
final class FieldReader {
    static final String NULL = "null";
    private static final Set<String> FIELD = Set.of("in", "value", "regex", "group", "all", "continued", "join",
            "after", "from", "until", "until_last", "type", "items", "split", "format", "zone", "map", "default", "unknown");
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
        Template regexOf = regexTemplate(n.child("regex"));
        Pattern regex = regexOf == null ? RuleFileReader.regex(n.child("regex")) : sample(n.child("regex"), regexOf);
        Object group = FieldOptions.group(n.child("group"), regex);
        Pattern continued = RuleFileReader.regex(n.child("continued"));
        boolean inclusive = n.child("from").exists();
        if (inclusive && n.child("after").exists()) {
            n.error("'after' and 'from' exclude each other");
        }
        Pattern after = RuleFileReader.regex(n.child(inclusive ? "from" : "after"));
        Pattern until = RuleFileReader.regex(n.child("until"));
        String untilLast = n.string("until_last", false);
        if (untilLast != null) {
            until = RuleFileReader.regex(n.child("until_last"));
        }
        FieldOptions.depends(n, "continued", "regex");
        FieldOptions.depends(n, "until", inclusive ? "from" : "after");
        FieldOptions.depends(n, "until_last", inclusive ? "from" : "after");
        if (n.child("until").exists() && untilLast != null) {
            n.error("'until' and 'until_last' exclude each other");
        }
        FieldType type = FieldOptions.type(n.child("type"), FieldType.STRING);
        FieldType items = FieldOptions.type(n.child("items"), FieldType.STRING);
        if (items == FieldType.LIST) {
            n.child("items").error("list items cannot be lists");
        }
        FieldOptions.depends(n, "items", "type");
        FieldOptions.depends(n, "split", "type");
        boolean all = n.bool("all", false);
        Pattern split = n.child("split").exists() ? RuleFileReader.regex(n.child("split")) : COMMA;
        String join = Optional.ofNullable(n.string("join", false)).orElse(" ");
        DateTimeFormatter format = FieldOptions.format(n.child("format"));
        ZoneId zone = FieldOptions.zone(n.child("zone"));
        Map<String, Object> map = FieldOptions.map(n.child("map"));
        if (map != null && n.child("type").exists()) {
            n.error("'map' and 'type' exclude each other: the map's values carry their own type");
        }
        FieldSpec.Fallback fallback = FieldOptions.fallback(n);
        if (fallbackOnly && fallback instanceof FieldSpec.Fallback.Required) {
            n.error("a field needs 'in' or 'value' (or only 'unknown'/'default' for a value the mail never carries)");
        }
        known.add(name);
        return Optional.of(new FieldSpec(name, in, value, regex, regexOf, group, all, continued, join, after, inclusive, until,
                untilLast != null, type, items, split == null ? COMMA : split, format, zone, map, fallback));
    }

    /** A field's regex that names earlier fields ({@code {{field}}}), or null for a plain one. */
    private Template regexTemplate(Node n) {
        String s = n.asString(false);
        if (s == null || !s.contains("{{")) {
            return null;
        }
        return template(n, true);
    }

    /** The regex compiled with each placeholder as a literal, to check it and its groups at load time. */
    private static Pattern sample(Node n, Template t) {
        Map<String, Object> literal = new HashMap<>();
        t.refs().forEach(r -> literal.put(r, Pattern.quote("x")));
        try {
            return Pattern.compile(t.render(literal));
        } catch (PatternSyntaxException e) {
            n.error("bad regular expression: " + e.getDescription() + " in '" + t + "'");
            return null;
        }
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

    boolean knows(String name) {
        return known.contains(name);
    }

    void define(String name) {
        known.add(name);
    }

    void forget(String name) {
        known.remove(name);
    }

    void requireKnown(Node n, String name) {
        if (!known.contains(name) && !name.equals(NULL)) {
            n.error("template error: no field '" + name + "' is defined before this (known: " + String.join(", ", known)
                    + ")");
        }
    }
}
