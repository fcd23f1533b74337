package org.mailbridge.parse.bugzilla;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.mailbridge.spi.Unknowns;

/**
 * Builds the {@code bug} object of a messageV1bz4 body from what the mail shows: the
 * {@code X-Bugzilla-*} headers (the bug's state after the change), the new-bug table, the added
 * side of single-valued change rows, the subject. Anything else is unknown.
 */
final class BugObject {
    private BugObject() {
    }

    static Map<String, Object> build(Bugmail m, OptionalLong date, People people, Unknowns u) {
        BugmailHeaders h = m.headers();
        CurrentValues cur = new CurrentValues(m);
        Map<String, Object> bug = new LinkedHashMap<>();
        bug.put("id", m.bugId());
        u.put(bug, "alias", cur.get("alias").map(BugmailHeaders::commaList), List.of(), "bug.alias");
        u.put(bug, "summary", summary(m, cur), "", "bug.summary");
        u.put(bug, "classification", h.classification().or(() -> cur.get("classification")), "", "bug.classification");
        u.put(bug, "product", h.product().or(() -> cur.get("product")), "", "bug.product");
        u.put(bug, "component", h.component().or(() -> cur.get("component")), "", "bug.component");
        h.subComponent().ifPresent(s -> bug.put("sub_components", s.isEmpty() ? Map.of()
                : Map.of(String.valueOf(bug.get("component")), BugmailHeaders.commaList(s))));
        u.put(bug, "version", h.version().or(() -> cur.get("version")).map(BugObject::named), named(""),
                "bug.version");
        u.put(bug, "status", h.status().or(() -> cur.get("bug_status")).map(BugObject::named), named(""),
                "bug.status");
        u.put(bug, "resolution", h.resolution().or(() -> cur.get("resolution")), "", "bug.resolution");
        u.put(bug, "priority", h.priority().or(() -> cur.get("priority")), "", "bug.priority");
        u.put(bug, "severity", h.severity().or(() -> cur.get("bug_severity")), "", "bug.severity");
        u.put(bug, "assigned_to", h.assignedTo().or(() -> cur.get("assigned_to")).map(BugObject::login), "",
                "bug.assigned_to");
        reporter(bug, m, cur, people, u);
        Optional<String> qa = h.qaContact().or(() -> cur.get("qa_contact"));
        if (qa.isPresent()) {
            bug.put("qa_contact", qa.get().isEmpty() ? null : people.user(qa.get(), "bug.qa_contact", u));
        } else {
            bug.put("qa_contact", null);
            u.add("bug.qa_contact");
        }
        u.put(bug, "cc", cur.get("cc").map(BugmailHeaders::commaList), List.of(), "bug.cc");
        u.put(bug, "keywords", h.keywords().or(() -> cur.get("keywords").map(BugmailHeaders::commaList)), List.of(),
                "bug.keywords");
        u.put(bug, "flags", h.flags().map(BugObject::flags), List.of(), "bug.flags");
        u.put(bug, "whiteboard", cur.get("status_whiteboard"), "", "bug.whiteboard");
        u.put(bug, "url", cur.get("bug_file_loc"), "", "bug.url");
        u.put(bug, "operating_system", cur.get("op_sys"), "", "bug.operating_system");
        u.put(bug, "platform", cur.get("rep_platform"), "", "bug.platform");
        h.targetMilestone().or(() -> cur.get("target_milestone")).ifPresent(t -> bug.put("target_milestone", t));
        cur.get("dependson").ifPresent(v -> bug.put("depends_on", ids(v)));
        cur.get("blocked").ifPresent(v -> bug.put("blocks", ids(v)));
        m.comments().stream().filter(c -> c.dupeOf().isPresent()).reduce((a, b) -> b)
                .ifPresent(c -> bug.put("dupe_of", c.dupeOf().getAsLong()));
        bug.put("is_private", false);
        u.add("bug.is_private");
        boolean isNew = m.type() == BugmailType.NEW;
        u.put(bug, "creation_time", isNew ? boxed(date) : Optional.empty(), 0, "bug.creation_time");
        boolean current = isNew || m.type() == BugmailType.CHANGED;
        u.put(bug, "last_change_time", current ? boxed(date) : Optional.empty(), 0, "bug.last_change_time");
        bug.put("weburl", m.weburl());
        bug.putAll(cur.custom(m));
        return bug;
    }

    private static Optional<String> summary(Bugmail m, CurrentValues cur) {
        if (m.request().isPresent()) {
            return Optional.of(m.request().get().summary());
        }
        return cur.get("short_desc").or(() -> Subjects.summary(m));
    }

    private static void reporter(Map<String, Object> bug, Bugmail m, CurrentValues cur, People people,
                                 Unknowns u) {
        Optional<String> rep = m.headers().reporter().or(() -> cur.get("reporter"));
        if (rep.isEmpty() && m.type() == BugmailType.NEW) {
            rep = m.headers().who(); // the changer of a new bug is its reporter
        }
        if (rep.isPresent()) {
            bug.put("reporter", people.user(rep.get(), "bug.reporter", u));
        } else {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("login", "");
            r.put("real_name", "");
            bug.put("reporter", r);
            u.add("bug.reporter");
        }
    }

    private static String login(String text) {
        return Identity.parse(text).map(Identity::login).orElse(text.strip());
    }

    private static Map<String, Object> named(String name) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", name);
        return o;
    }

    /** {@code X-Bugzilla-Flags} words such as {@code review?} as {name, status}. */
    private static List<Map<String, Object>> flags(List<String> words) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String w : words) {
            char s = w.charAt(w.length() - 1);
            if (w.length() > 1 && (s == '?' || s == '+' || s == '-')) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("name", w.substring(0, w.length() - 1));
                f.put("status", String.valueOf(s));
                out.add(f);
            }
        }
        return out;
    }

    private static List<Long> ids(String list) {
        return BugmailHeaders.commaList(list).stream().map(Numbers::positive).filter(n -> n > 0).toList();
    }

    static Optional<Long> boxed(OptionalLong v) {
        return v.isPresent() ? Optional.of(v.getAsLong()) : Optional.empty();
    }
}
