package org.mailbridge.parse.bugzilla;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the comments of a bugmail: blocks headed {@code --- Comment #N from <identity> ---}
 * (4.2+, either identity style; 4.0 adds a time stamp before the closing dashes), flag mail's
 * {@code --- Description ---}, and the old {@code ------- Additional Comments from <identity>}.
 * A new-bug mail's description has no header: the caller passes its author.
 */
final class Comments {
    private Comments() {
    }

    /**
     * Reads the comments in lines {@code [from, to)}.
     *
     * @param description whether the lines before the first header are comment 0 (a new-bug
     *     description, which has no header); otherwise they are ignored
     * @param descriptionAuthor the author of that description, when known
     */
    static List<Comment> read(List<String> lines, int from, int to, boolean description,
                              Optional<Identity> descriptionAuthor) {
        List<Comment> out = new ArrayList<>();
        int start = from;
        OptionalLong number = OptionalLong.of(0);
        Optional<Identity> author = descriptionAuthor;
        boolean open = description;
        boolean lead = description;
        for (int i = from; i < to; i++) {
            Header h = header(lines.get(i));
            if (h != null) {
                if (open && !(lead && blank(lines, start, i))) {
                    out.add(build(number, author, lines, start, i));
                }
                lead = false;
                number = h.number;
                author = h.author;
                start = i + 1;
                open = true;
            }
        }
        if (open && !(lead && blank(lines, start, to))) {
            out.add(build(number, author, lines, start, to));
        }
        return out;
    }

    /** Whether lines {@code [from, to)} are all blank: Bugzilla leaves out an empty description. */
    private static boolean blank(List<String> lines, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!BodyText.blank(lines.get(i))) {
                return false;
            }
        }
        return true;
    }

    private record Header(OptionalLong number, Optional<Identity> author) {
    }

    /** Whether a line is a comment header. */
    static boolean isHeader(String line) {
        return header(line) != null;
    }

    /** The comment header a line is, or null. */
    private static Header header(String line) {
        if (line.equals("--- Description ---")) {
            return new Header(OptionalLong.of(0), Optional.empty());
        }
        if (line.startsWith("------- Additional Comments from ")) {
            return new Header(OptionalLong.empty(), author(line.substring(33).replace(" -------", "")));
        }
        if (!line.startsWith("--- Comment #") || !line.endsWith(" ---")) {
            return null;
        }
        int from = line.indexOf(" from ");
        long n = from < 0 ? -1 : Numbers.natural(line.substring(13, from));
        if (n < 0) {
            return null;
        }
        return new Header(OptionalLong.of(n), author(line.substring(from + 6, line.length() - 4)));
    }

    /** The identity, also when a 4.0 time stamp follows it. */
    private static Optional<Identity> author(String text) {
        Optional<Identity> id = Identity.parse(text);
        if (id.isPresent()) {
            return id;
        }
        int end = Math.max(text.lastIndexOf('>'), text.lastIndexOf(')'));
        return end > 0 ? Identity.parse(text.substring(0, end + 1)) : Optional.empty();
    }

    private static Comment build(OptionalLong number, Optional<Identity> author, List<String> lines, int from, int to) {
        int end = to;
        while (end > from && BodyText.blank(lines.get(end - 1))) {
            end--;
        }
        int start = from;
        while (start < end && lines.get(start).isEmpty()) {
            start++;
        }
        String body = String.join("\n", lines.subList(start, end));
        return new Comment(number, author, body, created(lines, start, end), trailerDupe(lines, start, end),
                duplicate(lines, start, end));
    }

    /** "Created attachment N", "  --> URL", the description (wrapped at 80), a blank line. */
    private static Optional<Comment.Attachment> created(List<String> lines, int from, int to) {
        String prefix = "Created attachment ";
        if (from >= to || !lines.get(from).startsWith(prefix)) {
            return Optional.empty();
        }
        long id = Numbers.positive(lines.get(from).substring(prefix.length()).strip());
        if (id < 0) {
            return Optional.empty();
        }
        int i = from + 1;
        if (i < to && lines.get(i).startsWith("  --> ")) {
            i++;
        }
        Wrapped description = new Wrapped(Integer.MAX_VALUE);
        for (; i < to && !BodyText.blank(lines.get(i)); i++) {
            description.add(lines.get(i));
        }
        return Optional.of(new Comment.Attachment(id, description.value()));
    }

    /** The trailer of a comment that marked the bug a duplicate: its last line. */
    private static OptionalLong trailerDupe(List<String> lines, int from, int to) {
        if (from >= to) {
            return OptionalLong.empty();
        }
        String last = lines.get(to - 1);
        String marker = " has been marked as a duplicate of ";
        int m = last.indexOf(marker);
        if (!last.startsWith("*** This ") || !last.endsWith(" ***") || m < 0) {
            return OptionalLong.empty();
        }
        String rest = last.substring(m + marker.length(), last.length() - 4);
        int sp = rest.lastIndexOf(' ');
        long id = Numbers.positive(rest.substring(sp + 1));
        return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
    }

    /** "*** Bug N has been marked as a duplicate of this bug. ***", a comment of its own. */
    private static OptionalLong duplicate(List<String> lines, int from, int to) {
        if (to - from != 1) {
            return OptionalLong.empty();
        }
        String l = lines.get(from);
        if (!l.startsWith("*** ") || !l.endsWith(" has been marked as a duplicate of this bug. ***")
                && !l.endsWith(" has been marked as a duplicate of this issue. ***")) {
            return OptionalLong.empty();
        }
        String[] words = l.split(" ", 4);
        long id = words.length == 4 ? Numbers.positive(words[2]) : -1;
        return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
    }
}
