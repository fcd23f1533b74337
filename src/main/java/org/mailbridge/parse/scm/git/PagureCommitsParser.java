package org.mailbridge.parse.scm.git;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.mailbridge.parse.scm.CommitTime;
import org.mailbridge.parse.scm.LineCursor;
import org.mailbridge.parse.scm.MalformedScmMail;
import org.mailbridge.parse.scm.MailBudget;
import org.mailbridge.parse.scm.Person;
import org.mailbridge.parse.scm.ScmLimits;
import org.mailbridge.parse.scm.ScmParser;
import org.mailbridge.spi.EventDraft;
import org.mailbridge.spi.Mail;

/**
 * Pagure's "New Commits To" mail ({@code pagure/lib/notify.py}), which Fedora's dist-git
 * (src.fedoraproject.org, a Pagure) sends to watchers of a package:
 * <pre>
 * The following commits were pushed to the repo rpms/widget on branch
 * rawhide, which you are following:
 * 4c1e0a9b8d7c6e5f4a3b2c1d0e9f8a7b6c5d4e3f    Ada Example    Fix crash on empty configuration
 * </pre>
 * Each line names a commit with its full id, so each gives a {@code git.receive} event; the
 * mail shows only the author's name and the subject, so the rest of {@code commit.v1} is
 * neutral and listed as unknown. The mail gives no old and new revision of the branch, so no
 * {@code git.ref.*} event. Pagure sends no {@code Date}; the receiving system's stands in.
 *
 * <p>Settings ({@code [parsers.pagure-commits]}): {@code senders} (default: Pagure's
 * {@code FROM_EMAIL} on pagure.io and Fedora, {@code pagure@pagure.io} and
 * {@code pagure@fedoraproject.org}), and the {@link ScmLimits} keys.
 */
public final class PagureCommitsParser extends ScmParser {
    private static final String PUSHED = "The following commits were pushed to the repo ";
    private static final String FOLLOWING = ", which you are following:";
    private static final String SEPARATOR = "    ";

    public PagureCommitsParser() {
        super(new Identity("pagure-commits", 230, Set.of(GitEvents.RECEIVE),
                List.of("pagure@pagure.io", "pagure@fedoraproject.org"), Set.of()));
    }

    @Override
    protected boolean recognises(Mail mail) {
        return mail.headers().has("X-pagure") && mail.text().contains(PUSHED);
    }

    @Override
    protected List<EventDraft> read(Mail mail, MailBudget budget) throws MalformedScmMail {
        LineCursor c = new LineCursor(mail.text());
        while (c.hasNext() && !c.peek().startsWith(PUSHED)) {
            c.next();
        }
        // Two lines, wrapped where the project and branch names put the break: join up to three.
        String intro = "";
        for (int i = 0; i < 3 && c.hasNext() && !intro.endsWith(FOLLOWING); i++) {
            intro = intro.isEmpty() ? c.next() : intro + " " + c.next();
        }
        int on = intro.lastIndexOf(" on branch ");
        if (!intro.endsWith(FOLLOWING) || on < 0) {
            throw new MalformedScmMail("no \"pushed to the repo <project> on branch <branch>, which you are following:\"");
        }
        String project = mail.header("X-pagure-project").map(String::strip)
                .orElse(unquote(intro.substring(PUSHED.length(), on)));
        String branch = unquote(intro.substring(on + " on branch ".length(), intro.length() - FOLLOWING.length()));
        GitEvents.Push push = new GitEvents.Push(GitRepo.parse(project), branch, "", null);
        List<EventDraft> events = new ArrayList<>();
        while (c.hasNext() && !c.peek().isBlank()) {
            String line = c.next();
            budget.commit();
            int sp = line.indexOf(SEPARATOR);
            String rev = sp < 0 ? line.strip() : line.substring(0, sp);
            if (!GitRevs.isFull(rev)) {
                throw new MalformedScmMail("commit line without a full commit id: '" + abbreviate(line) + "'");
            }
            String rest = sp < 0 ? "" : line.substring(sp + SEPARATOR.length());
            int sp2 = rest.indexOf(SEPARATOR);
            String author = sp2 < 0 ? rest.strip() : rest.substring(0, sp2).strip();
            String subject = sp2 < 0 ? "" : rest.substring(sp2 + SEPARATOR.length()).strip();
            events.add(GitEvents.receive(push, new GitCommit(rev, new Person(author, ""),
                    CommitTime.of(Optional.empty(), mail), subject, Optional.empty(), CommitStats.none(),
                    Optional.empty(), false)));
        }
        if (events.isEmpty()) {
            throw new MalformedScmMail("no commit lines after the introduction");
        }
        return events;
    }

    /** Older Pagure quoted the project and branch. */
    private static String unquote(String s) {
        String t = s.strip();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
