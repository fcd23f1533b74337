package org.mailbridge.parse.scm.svn;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mailbridge.parse.scm.CommitTime;
import org.mailbridge.parse.scm.MailBudget;
import org.mailbridge.parse.scm.MalformedScmMail;
import org.mailbridge.parse.scm.Person;
import org.mailbridge.parse.scm.ScmCore;
import org.mailbridge.parse.scm.ScmDates;
import org.mailbridge.parse.scm.ScmLimits;
import org.mailbridge.parse.scm.ScmParser;
import org.mailbridge.spi.AccountNames;
import org.mailbridge.spi.EventDraft;
import org.mailbridge.spi.Mail;
import org.mailbridge.spi.ParserConfigException;
import org.mailbridge.spi.ParserSettings;
import org.mailbridge.spi.Unknowns;

/**
 * Subversion commit mail from {@code mailer.py} ({@code X-Svn-Commit-*} headers) and from
 * SVN::Notify's {@code svnnotify}: one {@code svn.commit} event per mail.
 *
 * <p>mailer.py prints the revision's date with C's {@code ctime}, in the server's local time
 * and without a zone; set {@code timezone} (an IANA zone such as {@code Europe/Paris}) to the
 * server's zone to get it as an instant. Without it, the mail's {@code Date} stands in
 * ({@code mailbridge.date_source} says which).
 *
 * <p>Settings ({@code [parsers.svn]}): {@code senders} (no default: mailer.py sends from
 * whatever {@code from_addr} the site set, often the committer), {@code timezone}, and the
 * {@link ScmLimits} keys.
 */
public final class SvnParser extends ScmParser {
    static final String TOPIC = "svn.commit";
    private Optional<ZoneId> zone = Optional.empty();

    public SvnParser() {
        super(new Identity("svn", 300, Set.of(TOPIC), List.of(), Set.of("timezone")));
    }

    @Override
    protected void configure(ParserSettings settings) throws ParserConfigException {
        zone = timezone(settings);
    }

    @Override
    protected boolean recognises(Mail mail) {
        if (mail.headers().has("X-Svn-Commit-Revision")
                || mail.header("X-Mailer").map(m -> m.startsWith("SVN::Notify")).orElse(false)) {
            return true;
        }
        String text = mail.text();
        return MailerPyReader.opens(text) || SvnNotifyReader.opens(text);
    }

    @Override
    protected List<EventDraft> read(Mail mail, MailBudget budget) throws MalformedScmMail {
        String text = mail.text();
        // SVN::Notify names itself in X-Mailer; its format is then read even where a header
        // text or a stray line hides its opening.
        boolean notify = mail.header("X-Mailer").map(m -> m.startsWith("SVN::Notify")).orElse(false)
                || SvnNotifyReader.opens(text);
        SvnCommit s = notify ? SvnNotifyReader.read(text) : MailerPyReader.read(text);
        String repo = mail.header("X-Svn-Commit-Repository").map(String::strip).orElse("");
        Optional<OffsetDateTime> date = notify ? ScmDates.svnlook(s.dateText) : ScmDates.ctime(s.dateText, zone);
        return List.of(event(s, repo, CommitTime.of(date, mail)));
    }

    private static EventDraft event(SvnCommit s, String repo, CommitTime time) {
        Unknowns u = new Unknowns();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("repo", repo);
        body.put("revision", s.revision);
        body.put("author", s.author);
        body.put("date", time.epoch());
        body.put("message", s.message);
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("added", List.copyOf(s.added));
        paths.put("modified", List.copyOf(s.modified));
        paths.put("deleted", List.copyOf(s.deleted));
        paths.put("replaced", List.copyOf(s.replaced));
        body.put("paths", paths);
        List<Map<String, Object>> copies = new ArrayList<>();
        for (SvnCommit.Copy c : s.copies) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", c.path());
            m.put("from_path", c.fromPath());
            m.put("from_revision", c.fromRevision());
            copies.add(m);
        }
        body.put("copies", copies);
        body.put("url", s.url);
        Unknowns scmU = new Unknowns().add("author.email");
        if (repo.isEmpty()) {
            u.add("repo");
            scmU.add("repo");
        }
        if (s.author.isEmpty()) {
            u.add("author");
            scmU.add("author.name");
        }
        if (!time.known()) {
            u.add("date");
            scmU.add("date");
        }
        if (s.pathsPartial) {
            u.add("paths");
            scmU.add("files");
        }
        if (s.url == null) {
            u.add("url");
        }
        ScmCore scm = new ScmCore("svn", repo, "", Long.toString(s.revision), new Person(s.author, ""), time,
                ScmCore.firstLine(s.message), s.message, s.files(), scmU);
        u.addAll("scm", scm.unknowns());
        body.put("scm", scm.toMap());
        body.put("mailbridge", u.toMailbridge(Map.of("date_source", time.source())));
        return EventDraft.of(TOPIC, "mailbridge." + TOPIC + ".v1", body).withUsernames(AccountNames.among(s.author));
    }
}
