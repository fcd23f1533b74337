package org.mailbridge.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A string with {@code {{field}}} placeholders: the only templating a rule needs, since
 * conversions and lookups happen when fields are extracted. A template that is exactly one
 * placeholder keeps the field's type (a number stays a number, a list a list); otherwise values
 * are written into the text (lists joined with {@code ", "}, null as nothing). There is no
 * logic, no escaping and no way to call code.
 *
 * @param parts literal strings and {@link Ref}s, in order
 */
record Template(List<Object> parts) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    /** A placeholder. */
    record Ref(String name) {
    }

    Template {
        parts = List.copyOf(parts);
    }

    /**
     * Compiles a template.
     *
     * @throws IllegalArgumentException for a bad placeholder or a stray {@code {{}
     */
    static Template parse(String s) {
        List<Object> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(s);
        int at = 0;
        while (m.find()) {
            String name = m.group(1);
            if (!FieldSpec.NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("'{{" + name + "}}' is not a field name ([a-z_][a-z0-9_]*)");
            }
            literal(parts, s.substring(at, m.start()));
            parts.add(new Ref(name));
            at = m.end();
        }
        literal(parts, s.substring(at));
        return new Template(parts);
    }

    private static void literal(List<Object> parts, String text) {
        if (text.contains("{{") || text.contains("}}")) {
            throw new IllegalArgumentException("unbalanced '{{' or '}}' in '" + text + "'");
        }
        if (!text.isEmpty()) {
            parts.add(text);
        }
    }

    /** The field names it refers to, in order. */
    List<String> refs() {
        return parts.stream().filter(p -> p instanceof Ref).map(p -> ((Ref) p).name()).toList();
    }

    /** The field name when the template is exactly one placeholder. */
    Optional<String> single() {
        return parts.size() == 1 && parts.get(0) instanceof Ref r ? Optional.of(r.name()) : Optional.empty();
    }

    /** Whether it has no placeholder. */
    boolean constant() {
        return refs().isEmpty();
    }

    /** Renders the template as text. */
    String render(Map<String, Object> values) {
        StringBuilder b = new StringBuilder();
        for (Object p : parts) {
            b.append(p instanceof Ref r ? text(values.get(r.name())) : (String) p);
        }
        return b.toString();
    }

    /** Evaluates: the typed value for a single placeholder, else the rendered text. */
    Object evaluate(Map<String, Object> values) {
        Optional<String> one = single();
        return one.isPresent() ? values.get(one.get()) : render(values);
    }

    static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof List<?> l) {
            return l.stream().map(Template::text).collect(Collectors.joining(", "));
        }
        return String.valueOf(v);
    }

    @Override
    public String toString() {
        return parts.stream().map(p -> p instanceof Ref r ? "{{" + r.name() + "}}" : (String) p)
                .collect(Collectors.joining());
    }
}
