package org.mailbridge.parse.bugzilla;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.mailbridge.spi.Accounts;
import org.mailbridge.spi.EventDraft;
import org.mailbridge.spi.Unknowns;

/**
 * Turns the public part of a read {@link Bugmail} into its event: topic {@code bugzilla.bug.new}
 * for a new bug, {@code bugzilla.bug.update} for everything else (or
 * {@code bugzilla.<instance>.bug.*} for an instance other than Fedora's), a body satisfying
 * bugzilla2fedmsg's {@code messageV1bz4} ({@code bug}, {@code event}, {@code comment},
 * {@code attachment}, {@code agent_name}, {@code usernames}) plus a {@code mailbridge} object
 * with the unknown paths and what the schema has no place for.
 */
final class BugzillaEvent {
    private BugzillaEvent() {
    }

    /**
     * @param instance the configured instance the mail comes from; empty for another one (such
     *     mail is untrusted and never published; {@code parse} shows it as Fedora's would be)
     * @param lossy whether the text had invalid bytes replaced while decoding (flagged in the
     *     body as {@code mailbridge.lossy_text}, so that odd characters are not taken for fact)
     */
    static EventDraft build(Bugmail m, OptionalLong date, Optional<Instance> instance, boolean lossy,
                            Accounts accounts) {
        Unknowns u = new Unknowns();
        People people = new People(m);
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> bug = BugObject.build(m, date, people, u);
        body.put("bug", bug);
        Map<String, Object> event = EventObject.build(m, date, people, u);
        body.put("event", event);
        CommentObject.build(m, date, u).ifPresent(c -> body.put("comment", c));
        attachment(m, date, u).ifPresent(a -> body.put("attachment", a));
        BugUsers named = BugUsers.of(m, bug, event, accounts);
        body.put("agent_name", named.agent().orElse(null));
        body.put("usernames", named.all());
        Map<String, Object> extras = extras(m, u);
        if (lossy) {
            extras.put("lossy_text", true);
        }
        boolean newBug = m.type() == BugmailType.NEW;
        String topic = instance.map(i -> i.topic(newBug)).orElse(newBug ? Instance.TOPIC_NEW : Instance.TOPIC_UPDATE);
        String schema = instance.map(Instance::schema).orElse(Instance.FEDORA_SCHEMA);
        Set<String> packages = BugzillaSettings.packagesOf(instance, String.valueOf(bug.get("product")),
                String.valueOf(bug.get("component")));
        if (instance.isPresent() && !instance.get().fedora()) {
            // mailbridge's schema: the consumer's link is this instance's, never Red Hat's, and
            // its packages are only those the site said its products' components are.
            Map<String, Object> inst = new LinkedHashMap<>();
            inst.put("name", instance.get().name());
            inst.put("url", instance.get().url());
            body.put("instance", inst);
            body.put("url", instance.get().url() + "show_bug.cgi?id=" + m.bugId());
            body.put("packages", List.copyOf(new java.util.TreeSet<>(packages)));
        }
        body.put(Unknowns.BODY_KEY, extras);
        return EventDraft.of(topic, schema, body).withUsernames(new java.util.LinkedHashSet<>(named.all())).withPackages(packages);
    }

    /** The attachment a comment created, or whose flag a flag mail is about. */
    private static Optional<Map<String, Object>> attachment(Bugmail m, OptionalLong date, Unknowns u) {
        Optional<Comment.Attachment> created = m.comments().isEmpty() ? Optional.empty()
                : m.comments().get(m.comments().size() - 1).attachment();
        Optional<Comment.Attachment> flagged = m.request().flatMap(FlagRequest::attachment);
        Optional<Comment.Attachment> att = created.or(() -> flagged);
        if (att.isEmpty()) {
            return Optional.empty();
        }
        boolean isNew = created.isPresent();
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", att.get().id());
        u.put(a, "description", Optional.of(att.get().description()).filter(d -> !d.isEmpty()), "",
                "attachment.description");
        for (String key : List.of("file_name", "content_type")) {
            a.put(key, "");
            u.add("attachment." + key);
        }
        a.put("flags", List.of());
        u.add("attachment.flags");
        u.put(a, "is_obsolete", isNew ? Optional.of(false) : Optional.empty(), false, "attachment.is_obsolete");
        for (String key : List.of("is_patch", "is_private")) {
            a.put(key, false);
            u.add("attachment." + key);
        }
        Optional<Long> when = isNew ? BugObject.boxed(date) : Optional.empty();
        u.put(a, "creation_time", when, 0, "attachment.creation_time");
        u.put(a, "last_change_time", when, 0, "attachment.last_change_time");
        return Optional.of(a);
    }

    private static Map<String, Object> extras(Bugmail m, Unknowns u) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("bugmail_type", m.headers().type());
        m.headers().url().ifPresent(url -> x.put("instance", url));
        m.blocks().stream().flatMap(b -> b.blocker().stream()).findFirst()
                .ifPresent(b -> x.put("blocker", ref(b)));
        if (!m.referenced().isEmpty()) {
            x.put("referenced_bugs", m.referenced().stream().map(BugzillaEvent::ref).toList());
        }
        m.comments().stream().flatMap(c -> c.duplicate().stream().boxed()).findFirst()
                .ifPresent(d -> x.put("duplicate", d));
        m.request().ifPresent(r -> x.put("flag", flag(r)));
        if (m.comments().size() > 1) {
            List<Map<String, Object>> earlier = new ArrayList<>();
            for (Comment c : m.comments().subList(0, m.comments().size() - 1)) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("number", c.number().isPresent() ? c.number().getAsLong() : null);
                o.put("author", c.author().map(Identity::login).orElse(null));
                o.put("body", c.body());
                earlier.add(o);
            }
            x.put("earlier_comments", earlier);
        }
        x.put(Unknowns.LIST_KEY, u.list());
        return x;
    }

    /** The flag mail's facts: the flag, what was done, and who asked whom. */
    private static Map<String, Object> flag(FlagRequest r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", r.flag());
        o.put("action", r.action());
        o.put("status", String.valueOf(r.status()));
        o.put("actor", r.actor().login());
        r.setter().ifPresent(s -> o.put("setter", s.login()));
        r.requestee().ifPresent(s -> o.put("requestee", s.login()));
        r.formerRequestee().ifPresent(s -> o.put("former_requestee", s.login()));
        return o;
    }

    private static Map<String, Object> ref(ReferencedBugs.Ref r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", r.id());
        o.put("summary", r.summary());
        return o;
    }
}
