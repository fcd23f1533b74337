package org.mailbridge.spi;

import java.time.Clock;

/**
 * What the bridge gives a parser at {@link MailParser#init}: its settings, the clock and the
 * account resolver. A parser should read its settings once there, not on every mail.
 */
public interface ParserContext {
    /** The parser's id, as registered. */
    String parserId();

    /** The parser's {@code [parsers.<id>]} table (empty when the file has none). */
    ParserSettings settings();

    /** The clock to use for "now"; tests fix it. Event times come from the mail, not from here. */
    Clock clock();

    /**
     * The bridge's one account resolver ({@code [accounts]} in the configuration): use it for
     * every person an event names, in the body and in {@link EventDraft#usernames()}. It may be
     * kept and used from {@link MailParser#parse}, from any thread.
     */
    default Accounts accounts() {
        return Accounts.none();
    }
}
