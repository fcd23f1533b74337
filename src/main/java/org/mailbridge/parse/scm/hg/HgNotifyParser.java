package org.mailbridge.parse.scm.hg;

import java.time.OffsetDateTime;
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
import org.mailbridge.parse.scm.ScmPeople;
import org.mailbridge.spi.EventDraft;
import org.mailbridge.spi.Mail;
import org.mailbridge.spi.Unknowns;

/**
 * Mercurial's {@code hgext.notify} mail ({@code X-Hg-Notification: changeset <id>}): one
 * {@code hg.commit} event per changeset, from the per-changeset mails of the {@code incoming}
 * hook and from the per-push mails of the {@code changegroup} hook.
 *
 * <p>What the default templates show, and so what is known: the changeset id (12 hex digits,
 * as notify prints it), the repository path, the {@code details} link, and the description
 * (per-changeset) or its first line (per-push). The per-changeset template puts the author in
 * {@code From}, and its diff labels carry the changeset's date; a per-push mail's
 * {@code From} is the pusher, so there the author is unknown unless the site's template adds a
 * {@code user:} line.
 *
 * <p>Settings ({@code [parsers.hg]}): {@code senders} (no default: notify sends from
 * {@code email.from} or the pushing user), and the {@link ScmLimits} keys.
 */
public final class HgNotifyParser extends ScmParser {
    static final String TOPIC = "hg.commit";

    public HgNotifyParser() {
        super(new Identity("hg", 320, Set.of(TOPIC), List.of(), Set.of()));
    }

    @Override
    protected boolean recognises(Mail mail) {
        if (mail.headers().has("X-Hg-Notification")) {
            return true;
        }
        String text = mail.text();
        int nl = text.indexOf('\n');
        return HgNotifyReader.isChangesetLine(nl < 0 ? text : text.substring(0, nl))
                && text.contains("\ndetails: ");
    }

    @Override
    protected List<EventDraft> read(Mail mail, MailBudget budget) throws MalformedScmMail {
        HgNotifyReader r = HgNotifyReader.read(mail.text(), budget);
        boolean single = r.changesets().size() == 1 && r.changesets().get(0).description() != null;
        List<EventDraft> events = new ArrayList<>();
        for (HgNotifyReader.Block b : r.changesets()) {
            String author = b.user();
            if (author.isEmpty() && single) {
                author = mail.from().map(a -> a.name().isEmpty() ? a.email() : a.name() + " <" + a.email() + ">")
                        .orElse("");
            }
            Optional<OffsetDateTime> date = ScmDates.git(b.date());
            if (date.isEmpty() && single) {
                date = ScmDates.git(r.diffDate());
            }
            List<String> files = single && r.files() != null ? r.files() : List.of();
            events.add(event(b, author, CommitTime.of(date, mail), files, single && r.files() != null));
        }
        return events;
    }

    private static EventDraft event(HgNotifyReader.Block b, String author, CommitTime time, List<String> files,
                                    boolean filesKnown) {
        String message = b.description() != null ? b.description() : "";
        String summary = b.description() != null ? ScmCore.firstLine(message) : b.summary() == null ? "" : b.summary();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("repo", b.root());
        body.put("node", b.node());
        body.put("author", author);
        body.put("date", time.epoch());
        body.put("summary", summary);
        body.put("message", message);
        body.put("url", b.url());
        Unknowns u = new Unknowns();
        Unknowns s = new Unknowns().add("branch");
        Person person = Person.parse(author);
        if (b.root().isEmpty()) {
            u.add("repo");
            s.add("repo");
        }
        if (author.isEmpty()) {
            u.add("author");
        }
        if (person.name().isEmpty()) {
            s.add("author.name");
        }
        if (person.email().isEmpty()) {
            s.add("author.email");
        }
        if (!time.known()) {
            u.add("date");
            s.add("date");
        }
        if (b.description() == null) {
            u.add("message");
            s.add("message");
        }
        if (b.url() == null) {
            u.add("url");
        }
        if (!filesKnown) {
            s.add("files");
        }
        ScmCore scm = new ScmCore("hg", b.root(), "", b.node(), person, time, summary, message, files, s);
        u.addAll("scm", scm.unknowns());
        body.put("scm", scm.toMap());
        body.put("mailbridge", u.toMailbridge(Map.of("date_source", time.source())));
        return EventDraft.of(TOPIC, "mailbridge." + TOPIC + ".v1", body)
                .withUsernames(ScmPeople.of(person.email().isEmpty() ? person.name() : ""));
    }
}
