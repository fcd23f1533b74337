package org.mailbridge.parse.bugzilla;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a bugmail says, read but not yet turned into an event body.
 *
 * @param type the kind of mail
 * @param headers its X-Bugzilla-* fields
 * @param bugId the bug the mail is about
 * @param weburl the bug's link as the mail gives it
 * @param fields the new-bug table (label, "", value); empty for other mail
 * @param blocks the change tables, one per changer (or blocker)
 * @param comments the comments, oldest first
 * @param referenced the "Referenced Bugs" block
 * @param request what a flag mail says; empty for other mail
 */
record Bugmail(BugmailType type, BugmailHeaders headers, long bugId, String weburl, List<TableRow> fields,
               List<ChangeBlock> blocks, List<Comment> comments, List<ReferencedBugs.Ref> referenced,
               Optional<FlagRequest> request) {
    Bugmail {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(weburl, "weburl");
        fields = List.copyOf(fields);
        blocks = List.copyOf(blocks);
        comments = List.copyOf(comments);
        referenced = List.copyOf(referenced);
        Objects.requireNonNull(request, "request");
    }

    /**
     * One change table and whose change it shows.
     *
     * @param changer the "… changed:" identity, when the block has one
     * @param blocker for dep_changed mail, the bug whose state changed
     * @param rows the rows
     */
    record ChangeBlock(Optional<Identity> changer, Optional<ReferencedBugs.Ref> blocker, List<TableRow> rows) {
        ChangeBlock {
            Objects.requireNonNull(changer, "changer");
            Objects.requireNonNull(blocker, "blocker");
            rows = List.copyOf(rows);
        }
    }

    /** Every change row, in mail order. */
    List<TableRow> rows() {
        return blocks.stream().flatMap(b -> b.rows().stream()).toList();
    }

    /** The rows about this bug itself: not those of a blocker whose state changed. */
    List<TableRow> ownRows() {
        return blocks.stream().filter(b -> b.blocker().isEmpty()).flatMap(b -> b.rows().stream()).toList();
    }
}
