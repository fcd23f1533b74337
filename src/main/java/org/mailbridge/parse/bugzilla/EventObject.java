package org.mailbridge.parse.bugzilla;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.mailbridge.spi.Unknowns;

/**
 * Builds the {@code event} object of a messageV1bz4 body: what happened (action and target, as
 * Bugzilla's push extension names them: {@code bug.create}, {@code bug.modify},
 * {@code comment.create}, {@code attachment.create}, {@code attachment.modify}), who did it,
 * when, and the change rows as {@code changes[{field, field_name, removed, added}]}.
 */
final class EventObject {
    private EventObject() {
    }

    static Map<String, Object> build(Bugmail m, OptionalLong date, People people, Unknowns u) {
        String[] what = actionAndTarget(m);
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("action", what[0]);
        ev.put("target", what[1]);
        ev.put("routing_key", what[1] + "." + what[0]);
        ev.put("bug_id", m.bugId());
        Optional<String> who = who(m);
        u.put(ev, "who", who, "", "event.who");
        if (who.isPresent()) {
            ev.put("user", people.user(who.get(), "event.user", u));
        } else {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("login", "");
            user.put("real_name", "");
            ev.put("user", user);
            u.add("event.user");
        }
        u.put(ev, "time", BugObject.boxed(date), 0, "event.time");
        ev.put("change_set", "");
        u.add("event.change_set");
        ev.put("changes", changes(m, u));
        return ev;
    }

    /** {action, target}. */
    private static String[] actionAndTarget(Bugmail m) {
        if (m.type() == BugmailType.NEW) {
            return new String[] {"create", "bug"};
        }
        if (m.request().isPresent()) {
            return new String[] {"modify", m.request().get().attachment().isPresent() ? "attachment" : "bug"};
        }
        if (!m.rows().isEmpty()) {
            return new String[] {"modify", "bug"};
        }
        if (!m.comments().isEmpty()) {
            boolean attached = m.comments().get(m.comments().size() - 1).attachment().isPresent();
            return new String[] {"create", attached ? "attachment" : "comment"};
        }
        return new String[] {"modify", "bug"};
    }

    /** The changer: X-Bugzilla-Who, else the flag mail's actor, the "changed:" line or the comment's author. */
    private static Optional<String> who(Bugmail m) {
        Optional<String> h = m.headers().who().filter(w -> !w.isEmpty());
        if (h.isPresent()) {
            return h;
        }
        if (m.request().isPresent()) {
            return Optional.of(m.request().get().actor().login());
        }
        Optional<String> changer = m.blocks().stream().flatMap(b -> b.changer().stream()).map(Identity::login)
                .findFirst();
        if (changer.isPresent() || m.comments().isEmpty()) {
            return changer;
        }
        return m.comments().get(m.comments().size() - 1).author().map(Identity::login);
    }

    private static List<Map<String, Object>> changes(Bugmail m, Unknowns u) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (m.request().isPresent()) {
            FlagRequest r = m.request().get();
            String label = r.attachment().map(a -> "Attachment #" + a.id() + " Flags").orElse("Flags");
            Map<String, Object> c = change("flags", label);
            u.put(c, "removed", r.removed(), "", "event.changes[0].removed");
            c.put("added", r.added());
            out.add(c);
            return out;
        }
        List<TableRow> rows = m.rows();
        List<Optional<String>> names = ChangeFields.internalNames(rows, m.headers().changedFields());
        for (int i = 0; i < rows.size(); i++) {
            TableRow r = rows.get(i);
            Optional<String> field = names.get(i).map(FieldNames::api);
            Map<String, Object> c = change(field.orElse(""), r.label());
            if (field.isEmpty()) {
                u.add("event.changes[" + i + "].field");
            }
            c.put("removed", r.removed());
            c.put("added", r.added());
            out.add(c);
        }
        return out;
    }

    private static Map<String, Object> change(String field, String label) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("field", field);
        c.put("field_name", label);
        return c;
    }
}
