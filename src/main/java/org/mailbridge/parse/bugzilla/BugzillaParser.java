package org.mailbridge.parse.bugzilla;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.mailbridge.spi.Accounts;
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
 * for changes, comments, attachments, dependency changes and flag requests; an instance other
 * than Fedora's publishes {@code bugzilla.<name>.bug.new|update} with mailbridge's schema.
 *
 * <p>It claims every mail with an {@code X-Bugzilla-Type} header and dispatches on it:
 * {@code new}, {@code changed}, {@code dep_changed} and {@code request} give one event;
 * {@code admin}, {@code whine}, {@code sanitycheck} and any other type carry no bug event and are
 * {@link ParseOutcome.Ignored}. Bugmail it cannot read exactly is {@link ParseOutcome.Malformed}.
 *
 * <h2>Settings ({@code [parsers.bugzilla]})</h2>
 * <ul>
 * <li>{@code instances}: the trusted instances (their {@code X-Bugzilla-URL}), a list of base
 *     URLs or a table of named ones with {@code url}, {@code products} and
 *     {@code package_products} ({@link BugzillaSettings}); default
 *     {@code ["https://bugzilla.redhat.com/"]}.</li>
 * <li>{@code senders}: who may send it ({@code From} or envelope sender); default
 *     {@code ["bugzilla@redhat.com"]}.</li>
 * </ul>
 * Mail from another instance or sender is untrusted: the daemon quarantines it, {@code parse}
 * still prints it.
 *
 * <h2>Privacy</h2>
 * Before an event is built, private comments and private attachments are taken out
 * ({@link PublicView}) and their texts declared in {@link ParseOutcome.Events#withheld()}, so
 * the bridge checks no event carries them. A product the instance does not publish, or a mail
 * whose only news is private, is {@link ParseOutcome.Withheld} ({@code policy: product},
 * {@code policy: private}).
 *
 * <h2>People</h2>
 * {@code agent_name} and {@code usernames} come from the bridge's account resolver
 * ({@link Usernames}); the same names become the {@code fedora_messaging_user_*} headers.
 *
 * <p>Stateless after {@link #init}: safe for concurrent use. Every scan is linear in the mail.
 */
public final class BugzillaParser implements MailParser {
    /** The parser id. */
    public static final String ID = "bugzilla";

    private volatile BugzillaSettings settings = BugzillaSettings.defaults();
    private volatile Accounts accounts = Accounts.none();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int order() {
        return 100;
    }

    /** Its settings are fixed at {@link #init}; each mail is read into objects of its own. */
    @Override
    public boolean threadSafe() {
        return true;
    }

    @Override
    public Set<String> topics() {
        Set<String> t = new java.util.LinkedHashSet<>();
        for (Instance i : settings.instances().values()) {
            t.add(i.topic(true));
            t.add(i.topic(false));
        }
        return t;
    }

    @Override
    public void init(ParserContext context) throws ParserConfigException {
        settings = BugzillaSettings.read(context.settings());
        accounts = context.accounts();
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
            Optional<Instance> instance = s.instance(headers.url());
            PublicView view = PublicView.of(m);
            EventDraft draft = BugzillaEvent.build(view.mail(), date, instance, BodyText.lossy(mail), accounts);
            String product = String.valueOf(((Map<?, ?>) draft.body().get("bug")).get("product"));
            if (instance.isPresent() && !instance.get().publishes(product)) {
                return new ParseOutcome.Withheld(ParseOutcome.Withheld.PRODUCT, "bug " + m.bugId() + ": product '"
                        + product + "' is not published for " + instance.get().url() + " (products: "
                        + instance.get().products().map(p -> new java.util.TreeSet<>(p).toString()).orElse("all") + ")");
            }
            if (view.privateNews() && view.nothingLeft()) {
                return new ParseOutcome.Withheld(ParseOutcome.Withheld.PRIVATE, "bug " + m.bugId()
                        + ": the mail's only news is a private comment or attachment");
            }
            TrustVerdict trust = InstanceTrust.check(mail, headers, s);
            return new ParseOutcome.Events(List.of(draft), trust, view.withheld());
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
