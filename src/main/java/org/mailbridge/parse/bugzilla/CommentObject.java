package org.mailbridge.parse.bugzilla;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.mailbridge.spi.Unknowns;

/**
 * Builds the {@code comment} object of a messageV1bz4 body from the newest comment in the mail.
 * Its privacy is known from Red Hat's {@code X-Bugzilla-Comment: public|private}, or from a
 * {@code Comment #N is private} row for that comment; a comment's database id never is.
 */
final class CommentObject {
    private CommentObject() {
    }

    static Optional<Map<String, Object>> build(Bugmail m, OptionalLong date, Unknowns u) {
        if (m.comments().isEmpty()) {
            return Optional.empty();
        }
        Comment c = m.comments().get(m.comments().size() - 1);
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", 0);
        u.add("comment.id");
        u.put(o, "number", c.number().isPresent() ? Optional.of(c.number().getAsLong()) : Optional.empty(), 0,
                "comment.number");
        o.put("body", c.body());
        u.put(o, "author", c.author().map(Identity::login), "", "comment.author");
        u.put(o, "creation_time", BugObject.boxed(date), 0, "comment.creation_time");
        u.put(o, "is_private", privacy(m, c), false, "comment.is_private");
        return Optional.of(o);
    }

    private static Optional<Boolean> privacy(Bugmail m, Comment c) {
        Optional<String> header = m.headers().comment().map(s -> s.toLowerCase(Locale.ROOT));
        if (header.isPresent() && (header.get().equals("private") || header.get().equals("public"))) {
            return Optional.of(header.get().equals("private"));
        }
        if (c.number().isEmpty()) {
            return Optional.empty();
        }
        String label = "Comment #" + c.number().getAsLong() + " is private";
        return m.ownRows().stream().filter(r -> r.label().equals(label)).reduce((a, b) -> b)
                .map(r -> r.added().equals("1"));
    }
}
