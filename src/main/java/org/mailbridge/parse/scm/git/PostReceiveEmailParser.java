package org.mailbridge.parse.scm.git;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mailbridge.parse.scm.MailBudget;
import org.mailbridge.parse.scm.MalformedScmMail;
import org.mailbridge.parse.scm.ScmCore;
import org.mailbridge.parse.scm.ScmLimits;
import org.mailbridge.parse.scm.ScmParser;
import org.mailbridge.spi.EventDraft;
import org.mailbridge.spi.Mail;
import org.mailbridge.spi.Unknowns;

/**
 * git's classic {@code contrib/hooks/post-receive-email} (subjects like
 * {@code [SCM] widget branch main updated. v1.2-14-g1a2b3c4}). One mail per reference change
 * gives one {@code git.ref.*} event, and each commit its log block shows in full one
 * {@code git.receive} (this hook sends no per-commit mails).
 *
 * <p>The hook does not say who pushed, nor the repository's name: the project description
 * stands for the repository, and the pusher is unknown. Settings
 * ({@code [parsers.git-post-receive]}): {@code senders} (no default: the hook's mail comes from
 * whatever local user ran it), and the {@link ScmLimits} keys.
 */
public final class PostReceiveEmailParser extends ScmParser {

    public PostReceiveEmailParser() {
        super(new Identity("git-post-receive", 210, GitEvents.TOPICS, List.of(), Set.of()));
    }

    @Override
    protected boolean recognises(Mail mail) {
        return mail.headers().has("X-Git-Refname") && PostReceiveBody.opens(mail.text());
    }

    @Override
    protected List<EventDraft> read(Mail mail, MailBudget budget) throws MalformedScmMail {
        String ref = mail.header("X-Git-Refname").orElse("").strip();
        boolean branch = RefChange.typeOf(ref).equals("branch");
        PostReceiveBody body = PostReceiveBody.read(mail.text(), branch, budget);
        GitRepo repo = GitRepo.parse(body.project());
        GitHeaders h = GitHeaders.of(mail, repo, ref, mail.header("X-Git-Reftype").orElse("").strip());
        h.requireRevs();
        Unknowns u = h.refUnknowns();
        Map<String, String> subjects = new HashMap<>();
        body.commits().forEach(b -> subjects.put(b.rev(), ScmCore.firstLine(b.message())));
        List<RefChange.Commit> commits = new ArrayList<>();
        Boolean forced = null;
        boolean create = GitRevs.isZero(h.oldRev());
        for (SummaryLine l : body.summary()) {
            switch (l.action()) {
                case "via" -> commits.add(commit(l, subjects));
                case "discard" -> forced = Boolean.TRUE;
                case "from" -> forced = forced == null ? Boolean.FALSE : forced;
                default -> { }
            }
        }
        if (create && branch) {
            // A new branch lists no "via" lines: its commits are the log block's.
            body.commits().forEach(b -> commits.add(new RefChange.Commit(b.rev(), subjects.get(b.rev()))));
        }
        // The hook lists newest first (git rev-list); events and lists go oldest first, as
        // git-multimail lists them and fedora_messaging_git_hook publishes them.
        Collections.reverse(commits);
        for (int i = 0; i < commits.size(); i++) {
            String entry = Unknowns.index("commits", i);
            if (commits.get(i).rev().isEmpty()) {
                u.add(Unknowns.key(entry, "rev"));
            }
            if (commits.get(i).summary().isEmpty()) {
                u.add(Unknowns.key(entry, "summary"));
            }
        }
        if (create ? !body.logComplete() : !body.summaryComplete()) {
            u.add("commits"); // the mailer's emailmaxlines cut the list short
        }
        boolean update = !create && !GitRevs.isZero(h.newRev());
        if (update && forced == null) {
            u.add("forced");
        }
        RefChange change = new RefChange(repo, ref, h.refType(), h.annotated(), h.oldRev(), h.newRev(),
                update && Boolean.TRUE.equals(forced), "", commits, u);
        List<EventDraft> events = new ArrayList<>();
        events.add(GitEvents.ref(change));
        GitEvents.Push push = new GitEvents.Push(repo, GitHeaders.hookBranch(ref), "", null);
        for (int i = body.commits().size() - 1; i >= 0; i--) {
            events.add(GitEvents.receive(push, GitCommit.of(body.commits().get(i), mail)));
        }
        return events;
    }

    /** A {@code via} line: a full id, and the subject when the line (Samba) or the log shows it. */
    private static RefChange.Commit commit(SummaryLine l, Map<String, String> subjects) {
        String text = l.text();
        if (text.endsWith("(commit)")) {
            text = text.substring(0, text.length() - "(commit)".length()).strip();
        }
        String summary = !text.isEmpty() ? text : subjects.getOrDefault(l.rev(), "");
        return new RefChange.Commit(l.rev() == null ? "" : l.rev(), summary);
    }
}
