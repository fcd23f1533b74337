package org.mailbridge.parse.scm;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.mailbridge.config.Limits;
import org.mailbridge.event.Event;
import org.mailbridge.mail.MailReader;
import org.mailbridge.mail.MalformedMailException;
import org.mailbridge.parse.SimpleParserContext;
import org.mailbridge.spi.EventDraft;
import org.mailbridge.spi.Mail;
import org.mailbridge.spi.MailParser;
import org.mailbridge.spi.ParseOutcome;
import org.mailbridge.spi.ParserConfigException;
import org.mailbridge.spi.ParserSettings;
import org.mailbridge.testing.FixedClock;
import org.mailbridge.testing.Schemas;

/** Reads test mail and runs one SCM parser over it, the way the bridge does. */
public final class ScmTestSupport {
    private ScmTestSupport() {
    }

    /** A mail read from text, as the spool would give it. */
    public static Mail mail(String raw) {
        return mail(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** A mail read from bytes. */
    public static Mail mail(byte[] raw) {
        try {
            return new MailReader(Limits.DEFAULT).read(new ByteArrayInputStream(raw));
        } catch (IOException | MalformedMailException e) {
            throw new AssertionError("unreadable test mail", e);
        }
    }

    /** A parser initialised with these {@code [parsers.<id>]} settings. */
    public static <P extends MailParser> P init(P parser, Map<String, Object> settings) throws ParserConfigException {
        parser.init(new SimpleParserContext(parser.id(), new ParserSettings(parser.id(), settings), FixedClock.CLOCK));
        return parser;
    }

    /** A parser initialised without settings. */
    public static <P extends MailParser> P init(P parser) {
        try {
            return init(parser, Map.of());
        } catch (ParserConfigException e) {
            throw new AssertionError(e);
        }
    }

    /** The events of a mail the parser must turn into events. */
    public static ParseOutcome.Events events(MailParser parser, String raw) {
        ParseOutcome o = parser.parse(mail(raw));
        if (o instanceof ParseOutcome.Events e) {
            return e;
        }
        throw new AssertionError("expected events, got " + o);
    }

    /** Schema violations of a draft's body against its topic's schema. */
    public static Set<String> violations(EventDraft d) {
        return Schemas.violations(new Event("id", d.topic(), Map.of(), d.body()), "");
    }

    /** A deep, mutable copy of a body, for tampering with. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> copy(Map<String, Object> body) {
        Map<String, Object> out = new LinkedHashMap<>();
        body.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> m ? copy((Map<String, Object>) m) : v));
        return out;
    }
}
