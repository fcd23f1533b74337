package org.mailbridge.parse.bugzilla;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What of a bugmail may leave: the mail without its private comments and private attachments,
 * and the texts taken out, for the bridge's last check. Like bugzilla2fedmsg, which never relays
 * a non-public object, this fails closed:
 * <ul>
 * <li>Red Hat's {@code X-Bugzilla-Comment: private} makes every comment of the mail private;</li>
 * <li>a {@code Comment #N is private} row set to 1 makes comment N private;</li>
 * <li>an {@code Attachment #N is private} row set to 1, or a private comment creating attachment
 *     N, makes attachment N private: its rows go, and so does any comment about it (such a
 *     comment quotes the attachment's description).</li>
 * </ul>
 * The privacy rows themselves stay: that something became private is public, as in Bugzilla's
 * own activity log.
 *
 * @param mail the public part; every event field is built from it
 * @param withheld the private texts (comment bodies, attachment descriptions)
 * @param privateNews whether anything was taken out
 */
record PublicView(Bugmail mail, Set<String> withheld, boolean privateNews) {
    PublicView {
        withheld = Set.copyOf(withheld);
    }

    static PublicView of(Bugmail m) {
        boolean allPrivate = m.headers().comment().map(c -> c.strip().toLowerCase(Locale.ROOT).equals("private"))
                .orElse(false);
        Set<Long> privateComments = new LinkedHashSet<>();
        Set<Long> privateAttachments = new LinkedHashSet<>();
        for (TableRow r : m.ownRows()) {
            number(r.label(), "Comment #", " is private").filter(n -> r.added().strip().equals("1"))
                    .ifPresent(privateComments::add);
            number(r.label(), "Attachment #", " is private").filter(n -> r.added().strip().equals("1"))
                    .ifPresent(privateAttachments::add);
        }
        for (Comment c : m.comments()) {
            if (isPrivate(c, allPrivate, privateComments)) {
                c.attachment().ifPresent(a -> privateAttachments.add(a.id()));
            }
        }
        Set<String> withheld = new LinkedHashSet<>();
        List<Comment> comments = new ArrayList<>();
        for (Comment c : m.comments()) {
            boolean aboutPrivate = c.attachment().map(a -> privateAttachments.contains(a.id())).orElse(false)
                    || privateAttachments.stream().anyMatch(id -> c.body().contains("attachment " + id));
            if (isPrivate(c, allPrivate, privateComments) || aboutPrivate) {
                withheld.add(c.body());
                c.attachment().ifPresent(a -> withheld.add(a.description()));
            } else {
                comments.add(c);
            }
        }
        m.request().flatMap(FlagRequest::attachment).filter(a -> privateAttachments.contains(a.id()))
                .ifPresent(a -> withheld.add(a.description()));
        List<Bugmail.ChangeBlock> blocks = new ArrayList<>();
        boolean rowsDropped = false;
        for (Bugmail.ChangeBlock b : m.blocks()) {
            List<TableRow> rows = new ArrayList<>();
            for (TableRow r : b.rows()) {
                Optional<Long> att = number(r.label(), "Attachment #", " ");
                if (att.isPresent() && privateAttachments.contains(att.get()) && !r.label().endsWith(" is private")) {
                    rowsDropped = true;
                } else {
                    rows.add(r);
                }
            }
            blocks.add(new Bugmail.ChangeBlock(b.changer(), b.blocker(), rows));
        }
        Optional<FlagRequest> request = m.request()
                .filter(r -> r.attachment().map(a -> !privateAttachments.contains(a.id())).orElse(true));
        boolean taken = comments.size() != m.comments().size() || rowsDropped || request.isEmpty() != m.request().isEmpty();
        Bugmail pub = new Bugmail(m.type(), m.headers(), m.bugId(), m.weburl(), m.fields(), blocks, comments,
                m.referenced(), request);
        withheld.removeIf(String::isBlank);
        return new PublicView(pub, withheld, taken);
    }

    /** Whether, with the private news taken out, nothing is left to tell. */
    boolean nothingLeft() {
        return mail.type() != BugmailType.NEW && mail.request().isEmpty() && mail.comments().isEmpty()
                && mail.rows().stream().allMatch(r -> r.label().endsWith(" is private"));
    }

    private static boolean isPrivate(Comment c, boolean allPrivate, Set<Long> privateComments) {
        return allPrivate || c.number().isPresent() && privateComments.contains(c.number().getAsLong());
    }

    /** N in {@code <prefix>N<suffix...>}, as in "Attachment #12 is private". */
    private static Optional<Long> number(String label, String prefix, String suffix) {
        if (!label.startsWith(prefix)) {
            return Optional.empty();
        }
        int end = label.indexOf(suffix, prefix.length());
        if (end < 0 || !(suffix.equals(" ") || label.endsWith(suffix))) {
            return Optional.empty();
        }
        long n = Numbers.positive(label.substring(prefix.length(), end));
        return n > 0 ? Optional.of(n) : Optional.empty();
    }

}
