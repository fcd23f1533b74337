package org.mailbridge.parse;

import java.time.Clock;

import org.mailbridge.spi.ParserContext;
import org.mailbridge.spi.ParserSettings;

/** The {@link ParserContext} the registry hands each parser. */
record SimpleParserContext(String parserId, ParserSettings settings, Clock clock) implements ParserContext {
}
