package org.mailbridge.parse.bugzilla;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.mailbridge.spi.EventDraft;
import org.mailbridge.spi.Mail;
import org.mailbridge.spi.MailParser;
import org.mailbridge.spi.ParseOutcome;
import org.mailbridge.spi.ParserConfigException;
import org.mailbridge.spi.ParserContext;
import org.mailbridge.spi.TrustVerdict;

/**
 * Bugzilla's notification mail (upstream 4.x/5.x and bugzilla.redhat.com) as bugzilla2fedmsg
 * {@code messageV1bz4} events: {@code bugzilla.bug.new} for a new bug, {@code bugzilla.bug.update}
 * for changes, comments, attachments, dependency changes and flag requests.
 *
 * <p>It claims every mail with an {@code X-Bugzilla-Type} header and dispatches on it:
 * {@code new}, {@code changed}, {@code dep_changed} and {@code request} give one event;
 * {@code admin}, {@code whine}, {@code sanitycheck} and any other type carry no bug event and are
 * {@link ParseOutcome.Ignored}. Bugmail it cannot read exactly is {@link ParseOutcome.Malformed}.
 *
 * <h2>Settings ({@code [parsers.bugzilla]})</h2>
 * <ul>
 * <li>{@code instances}: base URLs whose {@code X-Bugzilla-URL} is trusted; default
 *     {@code ["https://bugzilla.redhat.com/"]}.</li>
 * <li>{@code senders}: who may send it ({@code From} or envelope sender); default
 *     {@code ["bugzilla@redhat.com"]}.</li>
 * <li>{@code user_domains}: addresses at these domains name accounts (their local part) in the
 *     {@code fedora_messaging_user_*} headers; default {@code ["fedoraproject.org"]}.</li>
 * <li>{@code package_products}: products whose component is the package of the
 *     {@code fedora_messaging_rpm_*} header; default {@code ["Fedora", "Fedora EPEL"]}.</li>
 * </ul>
 * Mail from another instance or sender is untrusted: the daemon quarantines it, {@code parse}
 * still prints it.
 *
 * <p>Stateless after {@link #init}: safe for concurrent use. Every scan is linear in the mail.
 */
public final class BugzillaParser implements MailParser {
    /** The parser id. */
    public static final String ID = "bugzilla";

    private volatile BugzillaSettings settings = BugzillaSettings.defaults();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Set<String> topics() {
        return Set.of(BugzillaEvent.TOPIC_NEW, BugzillaEvent.TOPIC_UPDATE);
    }

    @Override
    public void init(ParserContext context) throws ParserConfigException {
        settings = BugzillaSettings.read(context.settings());
    }

    @Override
    public ParseOutcome parse(Mail mail) {
        if (mail.header("X-Bugzilla-Type").isEmpty()) {
            return ParseOutcome.notMine();
        }
        BugmailHeaders headers = BugmailHeaders.read(mail);
        Optional<BugmailType> type = BugmailType.of(headers.type());
        if (type.isEmpty()) {
            return new ParseOutcome.Ignored("X-Bugzilla-Type '" + headers.type()
                    + "' is not bug mail (admin, whine, sanitycheck and the like carry no bug event)");
        }
        BugzillaSettings s = settings;
        try {
            Bugmail m = type.get() == BugmailType.REQUEST ? FlagRequestReader.read(mail, headers)
                    : BugmailReader.read(mail, type.get(), headers);
            checkId(m);
            OptionalLong date = mail.date().map(d -> OptionalLong.of(d.toEpochSecond())).orElse(OptionalLong.empty());
            EventDraft draft = BugzillaEvent.build(m, date, s, BodyText.lossy(mail));
            TrustVerdict trust = InstanceTrust.check(mail, headers, s);
            return new ParseOutcome.Events(List.of(draft), trust);
        } catch (BugmailException e) {
            return new ParseOutcome.Malformed(e.getMessage());
        }
    }

    /** The body's bug link, X-Bugzilla-ID (5.2) and the subject tag must name the same bug. */
    private static void checkId(Bugmail m) throws BugmailException {
        Optional<String> header = m.headers().id();
        if (header.isPresent() && Numbers.positive(header.get()) != m.bugId()) {
            throw new BugmailException("X-Bugzilla-ID " + header.get() + " differs from the bug link's id " + m.bugId());
        }
    }
}
