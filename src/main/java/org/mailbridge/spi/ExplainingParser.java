package org.mailbridge.spi;

import java.util.function.Consumer;

/**
 * A parser that can say why it answered as it did, for {@code mailbridge parse --explain}: rule
 * files say which rules were tried and why each matched or not. The registry calls this method
 * instead of {@link MailParser#parse(Mail)}; both must answer alike. The same threading and
 * hostility rules as for {@link MailParser} apply.
 */
public interface ExplainingParser extends MailParser {
    /**
     * Parses one mail, telling {@code explain} one line per decision.
     *
     * @param explain receives lines without the parser id (the registry adds it)
     */
    ParseOutcome parse(Mail mail, Consumer<String> explain);

    @Override
    default ParseOutcome parse(Mail mail) {
        return parse(mail, line -> { });
    }
}
