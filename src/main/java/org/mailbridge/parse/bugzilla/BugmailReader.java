package org.mailbridge.parse.bugzilla;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.mailbridge.spi.Mail;

/**
 * Reads new, changed and dep_changed bugmail (flag mail is {@link FlagRequestReader}'s): the
 * bug link, then the new-bug table and description, or the change tables and comments, then the
 * "Referenced Bugs" block and the {@code "-- "} footer. Tables are read only before the first
 * comment, so a comment that quotes earlier bugmail is never taken for a table. When the mail
 * has an HTML alternative, its unwrapped table cells replace the rejoined text cells, provided
 * both tables have the same rows.
 */
final class BugmailReader {
    private BugmailReader() {
    }

    static Bugmail read(Mail mail, BugmailType type, BugmailHeaders headers) throws BugmailException {
        List<String> lines = BodyText.lines(BodyText.plainPart(mail));
        int link = BodyText.firstBugLink(lines);
        if (link < 0) {
            throw new BugmailException("no show_bug.cgi link to the bug in the text part");
        }
        long bugId = BodyText.bugLinkId(lines.get(link));
        int footer = BodyText.footer(lines, link + 1);
        if (footer < 0) {
            throw new BugmailException("no '-- ' footer after the bug link: the mail looks truncated");
        }
        ReferencedBugs.Block refs = ReferencedBugs.find(lines, link + 1, footer);
        int contentEnd = refs.start();
        List<TableRow> fields = List.of();
        List<Bugmail.ChangeBlock> blocks = List.of();
        List<Comment> comments;
        if (type == BugmailType.NEW) {
            int i = link + 1;
            while (i < contentEnd && BodyText.blank(lines.get(i))) {
                i++;
            }
            if (i >= contentEnd || !NewBugTable.isRow(lines.get(i))) {
                throw new BugmailException("new-bug mail without its field table after the bug link");
            }
            NewBugTable.Result table = NewBugTable.read(lines, i);
            fields = confirm(table.rows(), BodyText.htmlPart(mail).map(HtmlTables::fieldRows));
            Optional<Identity> reporter = value(fields, "Reporter").flatMap(Identity::parse)
                    .or(() -> headers.who().flatMap(Identity::parse));
            comments = Comments.read(lines, table.end(), contentEnd, true, reporter);
        } else {
            int headEnd = link + 1;
            while (headEnd < contentEnd && !Comments.isHeader(lines.get(headEnd))) {
                headEnd++;
            }
            blocks = blocks(lines, link + 1, headEnd);
            blocks = confirmBlocks(blocks, BodyText.htmlPart(mail).map(HtmlTables::changeRows));
            comments = Comments.read(lines, headEnd, contentEnd, false, Optional.empty());
        }
        return new Bugmail(type, headers, bugId, lines.get(link).strip(), fields, blocks, comments, refs.refs(),
                Optional.empty());
    }

    private static List<Bugmail.ChangeBlock> blocks(List<String> lines, int from, int to) throws BugmailException {
        List<Bugmail.ChangeBlock> out = new ArrayList<>();
        Optional<Identity> changer = Optional.empty();
        long blockerId = -1;
        String blockerSummary = "";
        for (int i = from; i < to; i++) {
            String l = lines.get(i);
            if (ChangeTable.isHeader(l)) {
                ChangeTable.Result t = ChangeTable.read(lines, i);
                Optional<ReferencedBugs.Ref> blocker = blockerId > 0
                        ? Optional.of(new ReferencedBugs.Ref(blockerId, blockerSummary)) : Optional.empty();
                out.add(new Bugmail.ChangeBlock(changer, blocker, t.rows()));
                i = t.end() - 1;
            } else if (l.endsWith(" changed:")) {
                changer = Identity.parse(l.substring(0, l.length() - 9));
                blockerId = -1;
            } else if (l.endsWith(", which changed state.") && l.contains(" depends on ")) {
                String head = l.substring(0, l.length() - 22);
                blockerId = Numbers.positive(head.substring(head.lastIndexOf(' ') + 1));
                blockerSummary = "";
                changer = Optional.empty();
            } else if (blockerId > 0 && l.contains(" " + blockerId + " Summary: ")) {
                blockerSummary = l.substring(l.indexOf(" Summary: ") + 10);
            }
        }
        return out;
    }

    private static List<Bugmail.ChangeBlock> confirmBlocks(List<Bugmail.ChangeBlock> blocks,
                                                           Optional<List<TableRow>> html) {
        List<TableRow> text = blocks.stream().flatMap(b -> b.rows().stream()).toList();
        List<TableRow> confirmed = confirm(text, html);
        List<Bugmail.ChangeBlock> out = new ArrayList<>();
        int k = 0;
        for (Bugmail.ChangeBlock b : blocks) {
            int n = b.rows().size();
            out.add(new Bugmail.ChangeBlock(b.changer(), b.blocker(), confirmed.subList(k, k + n)));
            k += n;
        }
        return out;
    }

    /** The HTML rows when they are the same rows as the text ones (same count, same labels). */
    static List<TableRow> confirm(List<TableRow> text, Optional<List<TableRow>> html) {
        if (html.isEmpty() || html.get().size() != text.size()) {
            return text;
        }
        List<TableRow> h = html.get();
        for (int i = 0; i < text.size(); i++) {
            if (!fold(text.get(i).label()).equals(fold(h.get(i).label()))) {
                return text;
            }
        }
        return h;
    }

    static Optional<String> value(List<TableRow> fields, String label) {
        return fields.stream().filter(r -> r.label().equals(label)).map(TableRow::added).findFirst();
    }

    private static String fold(String s) {
        return String.join(" ", BugmailHeaders.words(s));
    }
}
