package org.mailbridge.parse.scm.cvs;

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
 * CVS commit mail from syncmail (loginfo text plus diffs; SourceForge's standard) and from
 * {@code log_accum.pl}: one {@code cvs.commit} event per mail. CVS is not atomic: syncmail
 * sends one mail per directory, so a commit touching several directories gives several events.
 *
 * <p>syncmail runs as the committing user and mails from that account, so the local part of
 * {@code From} is the committer's CVS login (as on SourceForge, {@code login@users.sourceforge.net});
 * log_accum names it in {@code Changes by:}. syncmail prints no date, so the mail's {@code Date}
 * stands in; log_accum's date has no zone: set {@code timezone} to the server's zone to use it.
 *
 * <p>Settings ({@code [parsers.cvs]}): {@code senders} (no default), {@code timezone}, and the
 * {@link ScmLimits} keys.
 */
public final class CvsParser extends ScmParser {
    static final String TOPIC = "cvs.commit";
    private Optional<ZoneId> zone = Optional.empty();

    public CvsParser() {
        super(new Identity("cvs", 340, Set.of(TOPIC), List.of(), Set.of("timezone")));
    }

    @Override
    protected void configure(ParserSettings settings) throws ParserConfigException {
        zone = timezone(settings);
    }

    @Override
    protected boolean recognises(Mail mail) {
        String text = mail.text();
        return SyncmailReader.opens(text) || LogAccumReader.opens(text);
    }

    @Override
    protected List<EventDraft> read(Mail mail, MailBudget budget) throws MalformedScmMail {
        String text = mail.text();
        CvsCommit s;
        Person author;
        if (SyncmailReader.opens(text)) {
            s = SyncmailReader.read(text, mail.subject());
            author = mail.from().map(Person::of).orElse(Person.NOBODY);
            s.author = author.localPart();
        } else {
            s = LogAccumReader.read(text);
            author = new Person(s.author, "");
        }
        return List.of(event(s, author, CommitTime.of(ScmDates.logAccum(s.dateText, zone), mail)));
    }

    private static EventDraft event(CvsCommit s, Person author, CommitTime time) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("repo", s.root);
        body.put("module", s.module);
        body.put("directory", s.directory);
        body.put("author", s.author);
        body.put("date", time.epoch());
        body.put("message", s.message);
        body.put("files", s.allFiles());
        body.put("changes", s.files);
        body.put("branch", s.branch);
        body.put("revisions", List.copyOf(s.revisions));
        Unknowns u = new Unknowns();
        Unknowns scmU = new Unknowns();
        for (String k : List.of("repo", "module", "directory", "author")) {
            if (((String) body.get(k)).isEmpty()) {
                u.add(k);
            }
        }
        if (s.root.isEmpty()) {
            scmU.add("repo");
        }
        if (!time.known()) {
            u.add("date");
            scmU.add("date");
        }
        if (s.revisions.isEmpty()) {
            u.add("revisions");
            scmU.add("rev");
        }
        if (author.name().isEmpty()) {
            scmU.add("author.name");
        }
        if (author.email().isEmpty()) {
            scmU.add("author.email");
        }
        List<String> paths = new ArrayList<>();
        for (String f : s.allFiles()) {
            paths.add(s.directory.isEmpty() ? f : s.directory + "/" + f);
        }
        ScmCore scm = new ScmCore("cvs", s.root, s.branch, String.join(" ", s.revisions), author, time,
                ScmCore.firstLine(s.message), s.message, paths, scmU);
        u.addAll("scm", scm.unknowns());
        body.put("scm", scm.toMap());
        body.put("mailbridge", u.toMailbridge(Map.of("date_source", time.source())));
        return EventDraft.of(TOPIC, "mailbridge." + TOPIC + ".v1", body).withUsernames(AccountNames.among(s.author));
    }
}
