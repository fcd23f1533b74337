package org.mailbridge.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.mailbridge.spi.Accounts;
import org.mailbridge.spi.EventDraft;
import org.mailbridge.spi.ExplainingParser;
import org.mailbridge.spi.Mail;
import org.mailbridge.spi.ParseOutcome;
import org.mailbridge.spi.ParserConfigException;
import org.mailbridge.spi.ParserContext;
import org.mailbridge.spi.SenderPolicy;
import org.mailbridge.spi.Topics;
import org.mailbridge.spi.Unknowns;

/**
 * The parser one rule file defines. Its rules are tried in file order; the first that matches
 * makes the event (later ones too while a matching rule says {@code continue = true}).
 * Immutable after {@link #init}, so safe for concurrent mails; all per-mail state is on the
 * stack, and a {@link Budget} bounds the regex work of each mail.
 */
public final class RuleParser implements ExplainingParser {
    /** The order of rule files that do not set one: after most built-ins, before plugins. */
    public static final int DEFAULT_ORDER = 500;

    private final String id;
    private final int order;
    private final String description;
    private final List<String> fileSenders;
    private final List<Rule> rules;
    private final String source;
    private final Path origin;
    private volatile SenderPolicy senders;
    private volatile Accounts accounts = Accounts.none();

    RuleParser(String id, int order, String description, List<String> senders, List<Rule> rules, String source,
               Path origin) {
        this.id = id;
        this.order = order;
        this.description = description;
        this.fileSenders = List.copyOf(senders);
        this.rules = List.copyOf(rules);
        this.source = source;
        this.origin = origin;
        this.senders = SenderPolicy.of(this.fileSenders);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int order() {
        return order;
    }

    /** Immutable after {@link #init}; each mail gets its own view and budget. */
    @Override
    public boolean threadSafe() {
        return true;
    }

    /**
     * The topics its rules can make: a topic whose placeholders all name {@code map} fields is
     * expanded to every value; any other template is listed as written.
     */
    @Override
    public Set<String> topics() {
        Set<String> t = new LinkedHashSet<>();
        for (Rule r : rules) {
            if (r.topic() != null) {
                t.addAll(TopicExpansion.expand(r.topic(), r.fields()));
            }
        }
        return t;
    }

    /** Where the file came from: its path, or {@code bundled:<name>}. */
    public String source() {
        return source;
    }

    /** The file, when it is one on disk (bundled rules have none). */
    public java.util.Optional<Path> origin() {
        return java.util.Optional.ofNullable(origin);
    }

    /** The file's one-line description. */
    public String description() {
        return description;
    }

    /** The names of its rules, in order. */
    public List<String> ruleNames() {
        return rules.stream().map(Rule::name).toList();
    }

    /** {@code [parsers.<id>]} may set {@code enabled} and {@code senders} (replacing the file's). */
    @Override
    public void init(ParserContext context) throws ParserConfigException {
        context.settings().allowOnly(Set.of());
        senders = context.settings().senders(fileSenders);
        accounts = context.accounts();
    }

    /** Parses without an explanation: none of its lines is built. */
    @Override
    public ParseOutcome parse(Mail mail) {
        return run(mail, null);
    }

    @Override
    public ParseOutcome parse(Mail mail, Consumer<String> explain) {
        return run(mail, Objects.requireNonNull(explain, "explain"));
    }

    /** @param explain receives the explanation, or null for none */
    private ParseOutcome run(Mail mail, Consumer<String> explain) {
        MailView view = new MailView(mail, new Budget(Budget.DEFAULT_STEPS), accounts);
        List<EventDraft> events = new ArrayList<>();
        Set<String> withheld = new LinkedHashSet<>();
        try {
            for (Rule rule : rules) {
                Match.Result m = rule.match().test(view);
                if (!m.matched()) {
                    if (explain != null) {
                        explain.accept("rule '" + rule.name() + "': no match: " + m.why());
                    }
                    continue;
                }
                if (explain != null) {
                    explain.accept("rule '" + rule.name() + "': matches");
                }
                if (rule.ignore() != null) {
                    return events.isEmpty() ? new ParseOutcome.Ignored(rule.ignore())
                            : new ParseOutcome.Events(events, senders.check(mail), withheld);
                }
                try {
                    events.add(event(rule, view, m.captures(), withheld));
                } catch (Unreadable e) {
                    return new ParseOutcome.Malformed("rule '" + rule.name() + "' of " + id + ": " + e.getMessage());
                } catch (PrivacyRules.Dropped e) {
                    if (explain != null) {
                        explain.accept("rule '" + rule.name() + "': withheld, policy: " + e.policy());
                    }
                    return new ParseOutcome.Withheld(e.policy(), id + ": " + e.getMessage());
                }
                if (!rule.continues()) {
                    break;
                }
            }
        } catch (Budget.Exceeded e) {
            if (explain != null) {
                explain.accept(e.getMessage());
            }
            return new ParseOutcome.Malformed(id + ": " + e.getMessage());
        }
        return events.isEmpty() ? ParseOutcome.notMine() : new ParseOutcome.Events(events, senders.check(mail), withheld);
    }

    /** The rule matched, but the mail lacks what it needs to make the event. */
    private static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    /** The event a matching rule makes of the mail. */
    private static EventDraft event(Rule rule, MailView view, Map<String, Object> captures, Set<String> withheld)
            throws Unreadable, PrivacyRules.Dropped {
        Map<String, Object> values = new LinkedHashMap<>(captures);
        Set<String> unknown = new HashSet<>();
        for (FieldSpec f : rule.fields()) {
            try {
                if (f.in() == null && f.value() == null) {
                    throw new FieldExtractor.Missing("never carried by this mail");
                }
                // A value derived from an unknown one is unknown too, never a fact.
                for (String d : f.dependsOn()) {
                    if (unknown.contains(d)) {
                        throw new FieldExtractor.Missing("derived from field '" + d + "', which the mail does not carry");
                    }
                }
                values.put(f.name(), FieldExtractor.extract(f, view, values));
            } catch (FieldExtractor.Missing e) {
                if (f.fallback() instanceof FieldSpec.Fallback.Default d) {
                    values.put(f.name(), d.value());
                } else if (f.fallback() instanceof FieldSpec.Fallback.Unknown u) {
                    values.put(f.name(), u.value());
                    unknown.add(f.name());
                } else {
                    throw new Unreadable("field '" + f.name() + "': " + e.getMessage());
                }
            }
        }
        Set<String> redacted = new java.util.TreeSet<>();
        PrivacyRules.apply(rule, view, values, withheld, redacted);
        String topic = rule.topic().render(values);
        if (!Topics.isTopic(topic)) {
            throw new Unreadable("topic '" + topic + "' is not " + Topics.SYNTAX);
        }
        BodyTemplate.Context ctx = new BodyTemplate.Context(values, unknown);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) rule.body().eval(ctx, "");
        body.put(Unknowns.BODY_KEY, ctx.unknowns().toMailbridge(
                redacted.isEmpty() ? Map.of() : Map.of("redacted", List.copyOf(redacted))));
        Set<String> users = new LinkedHashSet<>();
        // A usernames template may give addresses: the bridge's resolver names their accounts.
        for (String s : names(rule.usernames(), values)) {
            if (s.indexOf('@') > 0) {
                view.accounts().account(s).ifPresent(users::add);
            } else {
                users.add(s);
            }
        }
        return new EventDraft(topic, rule.schema().render(values), rule.severity(), body, users,
                names(rule.packages(), values));
    }

    private static Set<String> names(List<Template> templates, Map<String, Object> values) {
        Set<String> out = new LinkedHashSet<>();
        for (Template t : templates) {
            Object v = t.evaluate(values);
            List<?> all = v instanceof List<?> l ? l : java.util.Collections.singletonList(v);
            for (Object o : all) {
                String s = o == null ? "" : String.valueOf(o).strip();
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
