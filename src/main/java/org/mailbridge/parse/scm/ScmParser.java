package org.mailbridge.parse.scm;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.mailbridge.spi.Accounts;
import org.mailbridge.spi.EventDraft;
import org.mailbridge.spi.Mail;
import org.mailbridge.spi.MailParser;
import org.mailbridge.spi.ParseOutcome;
import org.mailbridge.spi.ParserConfigException;
import org.mailbridge.spi.ParserContext;
import org.mailbridge.spi.ParserSettings;
import org.mailbridge.spi.SenderPolicy;

/**
 * What every commit-mail parser shares: settings checked once at {@link #init} (its own keys,
 * plus {@code senders} with per-mailer defaults and the {@link ScmLimits}), a cheap recognition step,
 * and one place that turns {@link MalformedScmMail} into {@link ParseOutcome.Malformed}.
 *
 * <p>Subclasses are immutable after {@code init}: {@link #parse} keeps all per-mail state on the
 * stack, so it may run on several threads at once.
 */
public abstract class ScmParser implements MailParser {
    private final Identity identity;
    private SenderPolicy senders = SenderPolicy.of(List.of());
    private ScmLimits limits = ScmLimits.DEFAULT;
    private Accounts accounts = Accounts.none();

    /**
     * What tells the commit-mail parsers apart, besides their reading.
     *
     * @param id the parser id
     * @param order its place in the order of asking
     * @param topics the topic suffixes it emits
     * @param defaultSenders the senders trusted when {@code [parsers.<id>] senders} is not set
     * @param settingKeys its own setting keys, besides {@code enabled}, {@code senders} and
     *     {@link ScmLimits#KEYS}
     */
    protected record Identity(String id, int order, Set<String> topics, List<String> defaultSenders,
                              Set<String> settingKeys) {
        public Identity {
            topics = Set.copyOf(topics);
            defaultSenders = List.copyOf(defaultSenders);
            settingKeys = Set.copyOf(settingKeys);
        }
    }

    protected ScmParser(Identity identity) {
        this.identity = identity;
    }

    @Override
    public final String id() {
        return identity.id();
    }

    @Override
    public final int order() {
        return identity.order();
    }

    @Override
    public final Set<String> topics() {
        return identity.topics();
    }

    /** Subclasses keep per-mail state on the stack (see the class documentation). */
    @Override
    public final boolean threadSafe() {
        return true;
    }

    /** Reads the parser's own settings; called once from {@link #init}. */
    protected void configure(ParserSettings settings) throws ParserConfigException {
    }

    /** Whether the mail is this parser's kind: a cheap check, headers first. */
    protected abstract boolean recognises(Mail mail);

    /**
     * Reads a mail {@link #recognises} accepted.
     *
     * @return the events, never empty
     * @throws MalformedScmMail when the mail claims the format but does not follow it
     */
    protected abstract List<EventDraft> read(Mail mail, MailBudget budget) throws MalformedScmMail;

    /**
     * Reads the optional {@code timezone} setting: the IANA zone of a server whose mailer prints
     * local times without a zone.
     */
    protected final Optional<ZoneId> timezone(ParserSettings settings) throws ParserConfigException {
        Optional<String> tz = settings.string("timezone");
        try {
            return tz.map(ZoneId::of);
        } catch (DateTimeException e) {
            throw new ParserConfigException("key 'parsers." + id() + ".timezone': unknown time zone '" + tz.get() + "'");
        }
    }

    @Override
    public final void init(ParserContext context) throws ParserConfigException {
        ParserSettings s = context.settings();
        Set<String> keys = new HashSet<>(identity.settingKeys());
        keys.addAll(ScmLimits.KEYS);
        s.allowOnly(keys);
        senders = s.senders(identity.defaultSenders());
        limits = ScmLimits.from(s);
        accounts = context.accounts();
        configure(s);
    }

    @Override
    public final ParseOutcome parse(Mail mail) {
        if (!recognises(mail)) {
            return ParseOutcome.notMine();
        }
        try {
            List<EventDraft> events = read(mail, limits.budget());
            if (events.isEmpty()) {
                return new ParseOutcome.Malformed(id() + ": the mail describes no commit and no reference change");
            }
            List<EventDraft> named = events.stream()
                    .map(e -> ScmPeople.named(e, accounts)).toList();
            return new ParseOutcome.Events(named, senders.check(mail));
        } catch (MalformedScmMail e) {
            return new ParseOutcome.Malformed(id() + ": " + e.getMessage());
        }
    }
}
