package org.mailbridge.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import org.mailbridge.config.TomlLocator;
import org.mailbridge.spi.ParserIds;
import org.mailbridge.spi.SenderPolicy;

/**
 * Reads and checks one rule file. Every problem is reported, each as {@code file:line: message}:
 * TOML syntax, unknown or missing keys, wrong types, bad regular expressions, templates naming
 * fields that do not exist. See {@code docs/write-a-parser.md} for the language.
 */
final class RuleFileReader {
    private static final TomlMapper MAPPER = new TomlMapper();
    private static final Set<String> TOP = Set.of("id", "description", "order", "senders", "fields", "rule");
    private static final Set<String> RULE = Set.of("name", "match", "fields", "topic", "schema", "severity", "body",
            "usernames", "packages", "ignore", "continue", "privacy");
    private static final Set<String> PRIVACY = Set.of("when", "drop", "redact");
    private static final java.util.regex.Pattern POLICY = java.util.regex.Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Set<String> MATCH = Set.of("all", "any", "none");
    private static final Set<String> CONDITION = Set.of("in", "regex");

    private final Problems problems;
    private final Node root;

    private RuleFileReader(Problems problems, Node root) {
        this.problems = problems;
        this.root = root;
    }

    /**
     * Reads a rule file's text.
     *
     * @param label how errors and {@code mailbridge parsers} name the file
     * @param origin the file on disk, or null for a bundled one
     * @return the parser, or empty with the errors added to {@code errors}
     */
    static Optional<RuleParser> read(String text, String label, Path origin, List<String> errors) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            errors.add(label + ":" + (line > 0 ? line + ":" : "") + " TOML syntax error: "
                    + e.getOriginalMessage().lines().findFirst().orElse("?"));
            return Optional.empty();
        }
        Problems p = new Problems(label, TomlLocator.of(text));
        RuleParser parser = new RuleFileReader(p, new Node(p, "", tree)).parser(label, origin);
        errors.addAll(p.messages());
        return p.isEmpty() ? Optional.of(parser) : Optional.empty();
    }

    private RuleParser parser(String label, Path origin) {
        if (!root.isTable()) {
            problems.add("", "a rule file is a TOML table");
            return null;
        }
        root.allowOnly(TOP);
        String id = root.string("id", true);
        if (id != null && !ParserIds.isUsable(id)) {
            root.child("id").error("'" + id + "' is not a parser id (" + ParserIds.SYNTAX + ", not '"
                    + ParserIds.GENERIC + "')");
        }
        String description = Optional.ofNullable(root.string("description", false)).orElse("");
        long order = root.integer("order", RuleParser.DEFAULT_ORDER);
        List<String> senders = root.strings("senders", true);
        try {
            SenderPolicy.of(senders);
        } catch (IllegalArgumentException e) {
            root.child("senders").error(e.getMessage());
        }
        List<FieldSpec> shared = fields(root.child("fields"), new FieldReader(new LinkedHashSet<>()));
        Node list = root.child("rule");
        List<Rule> rules = new ArrayList<>();
        if (!list.exists() || !list.isArray() || list.size() == 0) {
            root.error("needs at least one [[rule]]");
        } else {
            Set<String> names = new HashSet<>();
            for (Node r : list.elements()) {
                Rule rule = rule(r, shared);
                if (rule != null && !names.add(rule.name())) {
                    r.child("name").error("rule name '" + rule.name() + "' is used twice in this file");
                }
                rules.add(rule);
            }
        }
        return problems.isEmpty() ? new RuleParser(id, (int) order, description, senders, rules, label, origin) : null;
    }

    /** Reads a table of fields; the reader checks names and references. */
    private static List<FieldSpec> fields(Node fs, FieldReader fr) {
        List<FieldSpec> fields = new ArrayList<>();
        if (fs.exists()) {
            if (!fs.isTable()) {
                fs.error("must be a table of fields");
            } else {
                for (String k : fs.keys()) {
                    fr.field(k, fs.child(k)).ifPresent(fields::add);
                }
            }
        }
        return fields;
    }

    private Rule rule(Node r, List<FieldSpec> shared) {
        if (!r.isTable()) {
            r.error("a rule is a table");
            return null;
        }
        r.allowOnly(RULE);
        String name = r.string("name", true);
        Set<String> known = new LinkedHashSet<>();
        Match match = match(r.child("match"), known);
        for (FieldSpec f : shared) {
            if (known.contains(f.name())) {
                r.child("match").error("named group '" + f.name() + "' clashes with the shared field of that name");
            }
            known.add(f.name());
        }
        FieldReader fr = new FieldReader(known);
        List<FieldSpec> fields = new ArrayList<>(shared);
        fields.addAll(fields(r.child("fields"), fr));
        String ignore = r.string("ignore", false);
        boolean event = ignore == null;
        Template topic = event ? fr.template(r.child("topic"), true) : null;
        Template schema = event ? fr.template(r.child("schema"), true) : null;
        long severity = r.integer("severity", 20);
        if (severity != 10 && severity != 20 && severity != 30 && severity != 40) {
            r.child("severity").error("must be 10, 20, 30 or 40");
        }
        BodyTemplate body = null;
        Node b = r.child("body");
        if (event) {
            if (!b.isTable()) {
                r.error(b.exists() ? "'body' must be a table" : "missing key 'body'");
            } else {
                if (b.child("mailbridge").exists()) {
                    b.child("mailbridge").error("'mailbridge' is added by the bridge (mailbridge.unknown)");
                }
                body = new BodyReader(fr).body(b);
            }
        } else {
            for (String k : List.of("topic", "schema", "body", "usernames", "packages", "continue")) {
                if (r.child(k).exists()) {
                    r.child(k).error("a rule with 'ignore' makes no event, so it has no '" + k + "'");
                }
            }
        }
        List<Template> users = fr.templates(r.child("usernames"));
        List<Template> packages = fr.templates(r.child("packages"));
        boolean continues = r.bool("continue", false);
        List<Privacy> privacy = privacy(r.child("privacy"), fields);
        return name == null || match == null ? null
                : new Rule(name, match, fields, topic, schema, (int) severity, body, users, packages, ignore, continues,
                        privacy);
    }

    /** The {@code [[rule.privacy]]} entries: a condition, then {@code drop = "<policy>"} or {@code redact = [fields]}. */
    private List<Privacy> privacy(Node list, List<FieldSpec> fields) {
        List<Privacy> out = new ArrayList<>();
        if (!list.exists()) {
            return out;
        }
        if (!list.isArray()) {
            list.error("must be an array of tables: [[rule.privacy]] with when, and drop or redact");
            return out;
        }
        Set<String> names = new HashSet<>();
        fields.forEach(f -> names.add(f.name()));
        for (Node p : list.elements()) {
            if (!p.isTable()) {
                p.error("a privacy entry is a table with when, and drop or redact");
                continue;
            }
            p.allowOnly(PRIVACY);
            Match when = when(p.child("when"));
            String drop = p.string("drop", false);
            List<String> redact = new ArrayList<>();
            Node r = p.child("redact");
            if (r.exists()) {
                if (!r.isArray()) {
                    r.error("must be a list of field names");
                } else {
                    for (Node e : r.elements()) {
                        String f = e.asString(true);
                        if (f != null && !names.contains(f)) {
                            e.error("'" + f + "' is not a field of this rule");
                        } else if (f != null) {
                            redact.add(f);
                        }
                    }
                }
            }
            if (drop != null && !POLICY.matcher(drop).matches()) {
                p.child("drop").error("the policy is a short lower-case word, such as \"private\"");
            } else if ((drop == null) == redact.isEmpty()) {
                p.error("a privacy entry has either 'drop' or 'redact'");
            } else if (when != null) {
                out.add(new Privacy(when, drop, redact));
            }
        }
        return out;
    }

    /** A privacy condition: the {@code match} syntax, where {@code field:} sources are allowed. */
    private Match when(Node m) {
        if (!m.exists()) {
            m.parent().error("missing key 'when'");
            return null;
        }
        if (!m.isTable()) {
            m.error("must be a table with all, any and/or none");
            return null;
        }
        m.allowOnly(MATCH);
        List<Condition> all = conditions(m.child("all"), new HashSet<>(), true);
        List<Condition> any = conditions(m.child("any"), new HashSet<>(), true);
        List<Condition> none = conditions(m.child("none"), new HashSet<>(), true);
        if (all.isEmpty() && any.isEmpty()) {
            m.error("needs at least one condition in 'all' or 'any'");
        }
        return new Match(all, any, none);
    }

    private Match match(Node m, Set<String> captures) {
        if (!m.exists()) {
            m.parent().error("missing key 'match'");
            return null;
        }
        if (!m.isTable()) {
            m.error("must be a table with all, any and/or none");
            return null;
        }
        m.allowOnly(MATCH);
        List<Condition> all = conditions(m.child("all"), captures);
        List<Condition> any = conditions(m.child("any"), captures);
        List<Condition> none = conditions(m.child("none"), new HashSet<>());
        if (all.isEmpty() && any.isEmpty()) {
            m.error("needs at least one condition in 'all' or 'any'");
        }
        return new Match(all, any, none);
    }

    private List<Condition> conditions(Node list, Set<String> captures) {
        return conditions(list, captures, false);
    }

    private List<Condition> conditions(Node list, Set<String> captures, boolean fieldsToo) {
        List<Condition> out = new ArrayList<>();
        if (!list.exists()) {
            return out;
        }
        if (!list.isArray()) {
            list.error("must be an array of conditions like { in = \"subject\", regex = '...' }");
            return out;
        }
        for (Node c : list.elements()) {
            if (!c.isTable()) {
                c.error("a condition is a table like { in = \"subject\", regex = '...' }");
                continue;
            }
            c.allowOnly(CONDITION);
            Source in = source(c.child("in"), true);
            Pattern regex = regex(c.child("regex"));
            if (in != null && in.kind() == Source.Kind.FIELD && !fieldsToo) {
                c.child("in").error("conditions test the mail; 'field:' sources are for fields");
            } else if (in != null) {
                Condition cond = Condition.of(in, regex);
                captures.addAll(cond.groups());
                out.add(cond);
            }
        }
        return out;
    }

    /** Reads a source; null (with an error) when absent or wrong. */
    static Source source(Node n, boolean required) {
        String s = n.asString(required);
        if (s == null) {
            return null;
        }
        try {
            return Source.parse(s);
        } catch (IllegalArgumentException e) {
            n.error(e.getMessage());
            return null;
        }
    }

    /** Compiles an optional regular expression, reporting a bad one. */
    static Pattern regex(Node n) {
        String s = n.asString(false);
        if (s == null) {
            return null;
        }
        try {
            return Pattern.compile(s);
        } catch (PatternSyntaxException e) {
            n.error("bad regular expression: " + e.getDescription() + " at index " + e.getIndex() + " of '" + s + "'");
            return null;
        }
    }
}
