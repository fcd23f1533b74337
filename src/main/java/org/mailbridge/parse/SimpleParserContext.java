package org.mailbridge.parse;

import java.time.Clock;

import org.mailbridge.spi.ParserContext;
import org.mailbridge.spi.ParserSettings;

/** The {@link ParserContext} the bridge hands each parser. */
public record SimpleParserContext(String parserId, ParserSettings settings, Clock clock) implements ParserContext {
}
