package org.mailbridge.parse;

import java.time.Clock;
import java.util.Objects;

import org.mailbridge.accounts.AccountResolver;
import org.mailbridge.spi.Accounts;
import org.mailbridge.spi.ParserContext;
import org.mailbridge.spi.ParserSettings;

/** The {@link ParserContext} the bridge hands each parser. */
public record SimpleParserContext(String parserId, ParserSettings settings, Clock clock, Accounts accounts)
        implements ParserContext {
    public SimpleParserContext {
        Objects.requireNonNull(accounts, "accounts");
    }

    /** A context with the default account resolver ({@code fedoraproject.org} addresses). */
    public SimpleParserContext(String parserId, ParserSettings settings, Clock clock) {
        this(parserId, settings, clock, AccountResolver.defaults());
    }
}
