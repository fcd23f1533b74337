package org.mailbridge.parse.scm.git;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.mailbridge.parse.scm.LineCursor;
import org.mailbridge.parse.scm.MailBudget;
import org.mailbridge.parse.scm.MalformedScmMail;
import org.mailbridge.parse.scm.ScmLimits;
import org.mailbridge.parse.scm.ScmParser;
import org.mailbridge.spi.Address;
import org.mailbridge.spi.EventDraft;
import org.mailbridge.spi.Mail;
import org.mailbridge.spi.ParserConfigException;
import org.mailbridge.spi.ParserSettings;
import org.mailbridge.spi.Unknowns;

/**
 * The commit mail Fedora's dist-git sent to {@code scm-commits} and {@code <pkg>-owner}
 * before it published to the bus (a derivative of GNOME's {@code gnome-post-receive-email}):
 * one mail per commit, subject {@code [<package>/<branch>: i/n] <subject>} ({@code /<branch>}
 * left out for {@code master}, {@code : i/n} only when the push had a cover mail), body
 * {@code git show --stat} then the patch after a {@code ---} line; {@code From} is the pusher's
 * account at the project's domain. Each commit gives a {@code git.receive}; a cover mail
 * ({@code Created branch X}, {@code Non-fast-forward update to branch X}, …) gives a
 * {@code git.ref.*} event when it carries the {@code X-Git-Refname/-Oldrev/-Newrev} headers.
 *
 * <p>Settings ({@code [parsers.dist-git]}): {@code senders} (default {@code @fedoraproject.org}),
 * {@code user_domain} (the domain whose addresses are accounts, default
 * {@code fedoraproject.org}; the local part of {@code From} there is the pusher),
 * {@code namespace} (default {@code rpms}: dist-git kept every package under
 * {@code /srv/git/rpms}; set {@code ""} for sites without one), and the
 * {@link ScmLimits} keys.
 */
public final class DistGitParser extends ScmParser {
    private String userDomain = "fedoraproject.org";
    private String namespace = GitRepo.RPMS;

    public DistGitParser() {
        super(new Identity("dist-git", 220, GitEvents.TOPICS, List.of("@fedoraproject.org"),
                Set.of("user_domain", "namespace")));
    }

    @Override
    protected void configure(ParserSettings settings) throws ParserConfigException {
        userDomain = settings.string("user_domain").orElse(userDomain).toLowerCase(Locale.ROOT);
        namespace = settings.string("namespace").orElse(namespace).strip();
    }

    @Override
    protected boolean recognises(Mail mail) {
        if (SubjectTag.parse(mail.subject()) == null) {
            return false;
        }
        LineCursor c = new LineCursor(mail.text());
        c.skipBlank();
        return CommitBlockReader.atCommit(c) || isCover(mail);
    }

    @Override
    protected List<EventDraft> read(Mail mail, MailBudget budget) throws MalformedScmMail {
        SubjectTag tag = SubjectTag.parse(mail.subject());
        GitRepo repo = new GitRepo(namespace.isEmpty() ? null : namespace, tag.module());
        String agent = mail.from().filter(a -> a.domain().equals(userDomain)).map(Address::email)
                .map(e -> e.substring(0, e.indexOf('@'))).orElse("");
        String ref = mail.header("X-Git-Refname").map(String::strip).orElse("");
        LineCursor c = new LineCursor(mail.text());
        c.skipBlank();
        if (!CommitBlockReader.atCommit(c)) {
            return List.of(cover(mail, repo, ref, agent, tag));
        }
        String branch = !ref.isEmpty() ? GitHeaders.hookBranch(ref) : tag.branch().isEmpty() ? "master" : tag.branch();
        GitEvents.Push push = new GitEvents.Push(repo, branch, agent, null);
        List<EventDraft> events = new ArrayList<>();
        while (CommitBlockReader.atCommit(c)) {
            events.add(GitEvents.receive(push, GitCommit.of(CommitBlockReader.read(c, budget), mail)));
            c.skipBlank();
        }
        return events;
    }

    private static boolean isCover(Mail mail) {
        return mail.headers().has("X-Git-Refname") && mail.headers().has("X-Git-Oldrev")
                && mail.headers().has("X-Git-Newrev");
    }

    private static EventDraft cover(Mail mail, GitRepo repo, String ref, String agent, SubjectTag tag)
            throws MalformedScmMail {
        if (!isCover(mail)) {
            throw new MalformedScmMail("neither a commit mail nor a cover mail with X-Git-Refname/-Oldrev/-Newrev");
        }
        GitHeaders h = GitHeaders.of(mail, repo, ref, "");
        h.requireRevs();
        Unknowns u = h.refUnknowns().add("commits"); // the cover lists abbreviated commits only in prose
        boolean update = !GitRevs.isZero(h.oldRev()) && !GitRevs.isZero(h.newRev());
        boolean forced = update && tag.rest().startsWith("Non-fast-forward update to ");
        return GitEvents.ref(new RefChange(repo, ref, h.refType(), h.annotated(), h.oldRev(), h.newRev(), forced,
                agent, List.of(), u));
    }

    /**
     * The subject's {@code [module/branch: i/n] rest}.
     *
     * @param module the package
     * @param branch the branch, or empty when the subject leaves it out (master)
     * @param rest what follows the bracket
     */
    record SubjectTag(String module, String branch, String rest) {
        static SubjectTag parse(String subject) {
            if (!subject.startsWith("[")) {
                return null;
            }
            int close = subject.indexOf("] ");
            if (close < 2) {
                return null;
            }
            String inside = subject.substring(1, close);
            int colon = inside.indexOf(": ");
            String where = colon < 0 ? inside : inside.substring(0, colon);
            if (where.isEmpty() || where.indexOf(' ') >= 0) {
                return null;
            }
            int slash = where.indexOf('/');
            return new SubjectTag(slash < 0 ? where : where.substring(0, slash),
                    slash < 0 ? "" : where.substring(slash + 1), subject.substring(close + 2));
        }
    }
}
