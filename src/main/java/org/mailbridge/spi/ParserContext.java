package org.mailbridge.spi;

import java.time.Clock;

/**
 * What the bridge gives a parser at {@link MailParser#init}: its settings and the clock. A parser
 * should read its settings once there, not on every mail.
 */
public interface ParserContext {
    /** The parser's id, as registered. */
    String parserId();

    /** The parser's {@code [parsers.<id>]} table (empty when the file has none). */
    ParserSettings settings();

    /** The clock to use for "now"; tests fix it. Event times come from the mail, not from here. */
    Clock clock();
}
