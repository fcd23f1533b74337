package org.mailbridge.parse.scm.git;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.mailbridge.parse.scm.LineCursor;
import org.mailbridge.parse.scm.MailBudget;
import org.mailbridge.parse.scm.MalformedScmMail;
import org.mailbridge.parse.scm.ScmLimits;
import org.mailbridge.parse.scm.ScmParser;
import org.mailbridge.spi.EventDraft;
import org.mailbridge.spi.Mail;
import org.mailbridge.spi.Unknowns;

/**
 * git-multimail's mails: reference changes ({@code X-Git-NotificationType: ref_changed}), one
 * mail per new commit ({@code diff}) and the combined form for single-commit pushes
 * ({@code ref_changed_plus_diff}). Versions before the {@code X-Git-NotificationType} header
 * are recognised by {@code X-Git-Refname} and the "pushed a change to" opening.
 *
 * <p>A ref-change mail gives one {@code git.ref.*} event; its new commits are described by
 * their own per-commit mails, each giving one {@code git.receive}, so that no commit is
 * published twice. A combined mail gives both.
 *
 * <p>Settings ({@code [parsers.git-multimail]}): {@code senders} (no default: git-multimail's
 * {@code From} is whatever the site configured, often the pusher or the author, so the
 * operator names the sending host's addresses), and the {@link ScmLimits} keys.
 */
public final class MultimailParser extends ScmParser {
    static final String NOTIFICATION_TYPE = "X-Git-NotificationType";

    public MultimailParser() {
        super(new Identity("git-multimail", 200, GitEvents.TOPICS, List.of(), Set.of()));
    }

    @Override
    protected boolean recognises(Mail mail) {
        if (mail.headers().has(NOTIFICATION_TYPE) || mail.headers().has("X-Git-Multimail-Version")) {
            return true;
        }
        return mail.headers().has("X-Git-Refname") && MultimailIntro.opens(mail.text());
    }

    @Override
    protected List<EventDraft> read(Mail mail, MailBudget budget) throws MalformedScmMail {
        String type = mail.header(NOTIFICATION_TYPE).map(String::strip).orElseGet(() -> legacyType(mail));
        String body = mail.text();
        if (body.isBlank()) {
            throw new MalformedScmMail("no text/plain body (only plain-text git-multimail mail can be read)");
        }
        LineCursor c = new LineCursor(body);
        MultimailIntro intro = MultimailIntro.read(c);
        if (intro == null) {
            throw new MalformedScmMail("the body does not open with \"<pusher> pushed a change|commit to <ref>\"");
        }
        GitHeaders h = GitHeaders.of(mail, intro);
        return switch (type) {
            case "ref_changed" -> List.of(GitEvents.ref(refChange(h, intro, MultimailSummary.read(c))));
            case "diff" -> List.of(revision(mail, h, intro, c, budget));
            case "ref_changed_plus_diff" -> combined(mail, h, intro, c, budget);
            default -> throw new MalformedScmMail(NOTIFICATION_TYPE + " '" + type + "' is not one git-multimail sends");
        };
    }

    /** Before {@code X-Git-NotificationType}, the header set told the three kinds apart. */
    private static String legacyType(Mail mail) {
        if (!mail.headers().has("X-Git-Rev")) {
            return "ref_changed";
        }
        return mail.headers().has("X-Git-Oldrev") ? "ref_changed_plus_diff" : "diff";
    }

    private static RefChange refChange(GitHeaders h, MultimailIntro intro, MultimailSummary s) throws MalformedScmMail {
        h.requireRevs();
        Unknowns u = h.refUnknowns();
        boolean update = !GitRevs.isZero(h.oldRev()) && !GitRevs.isZero(h.newRev());
        boolean forced = update && Boolean.TRUE.equals(s.forced());
        if (update && s.forced() == null) {
            u.add("forced"); // the lines that would tell were suppressed
        }
        if (!s.complete()) {
            u.add("commits");
        }
        return new RefChange(h.repo(), h.ref(), h.refType(), h.annotated(), h.oldRev(), h.newRev(), forced,
                intro.pusher(), s.commits(), u);
    }

    private static EventDraft revision(Mail mail, GitHeaders h, MultimailIntro intro, LineCursor c,
                                       MailBudget budget) throws MalformedScmMail {
        String url = viewLink(c);
        c.skipBlank();
        if (!CommitBlockReader.atCommit(c)) {
            throw new MalformedScmMail("per-commit mail without a \"commit <sha>\" block");
        }
        CommitBlock b = CommitBlockReader.read(c, budget);
        return GitEvents.receive(new GitEvents.Push(h.repo(), GitHeaders.hookBranch(h.ref()), intro.pusher(), url),
                GitCommit.of(b, mail));
    }

    /** The combined mail: the ref change (an update that drops nothing), then its one commit. */
    private static List<EventDraft> combined(Mail mail, GitHeaders h, MultimailIntro intro, LineCursor c,
                                             MailBudget budget) throws MalformedScmMail {
        String url = viewLink(c);
        List<RefChange.Commit> commits = new ArrayList<>();
        boolean complete = true;
        while (c.hasNext() && !CommitBlockReader.atCommit(c)) {
            SummaryLine l = SummaryLine.parse(c.next());
            if (l != null && l.action().equals("new")) {
                complete &= l.rev() != null && !l.cut();
                if (l.rev() != null) {
                    commits.add(new RefChange.Commit(l.rev(), l.cut() ? "" : l.text()));
                }
            }
        }
        if (!c.hasNext()) {
            throw new MalformedScmMail("combined mail without a \"commit <sha>\" block");
        }
        h.requireRevs();
        Unknowns u = h.refUnknowns();
        if (!complete) {
            u.add("commits");
        }
        // git-multimail combines only updates that discard nothing: never forced.
        RefChange ref = new RefChange(h.repo(), h.ref(), h.refType(), h.annotated(), h.oldRev(), h.newRev(), false,
                intro.pusher(), commits, u);
        CommitBlock b = CommitBlockReader.read(c, budget);
        EventDraft receive = GitEvents.receive(
                new GitEvents.Push(h.repo(), GitHeaders.hookBranch(h.ref()), intro.pusher(), url), GitCommit.of(b, mail));
        return List.of(GitEvents.ref(ref), receive);
    }

    /** The {@code View the commit online:} link, when the site configured a commit browser. */
    private static String viewLink(LineCursor c) {
        c.skipBlank();
        if (c.hasNext() && c.peek().equals("View the commit online:")) {
            c.next();
            String url = c.hasNext() ? c.next().strip() : "";
            return url.isEmpty() ? null : url;
        }
        return null;
    }
}
