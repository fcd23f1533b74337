package org.mailbridge.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mailbridge.spi.Address;
import org.mailbridge.spi.EventDraft;
import org.mailbridge.spi.Mail;
import org.mailbridge.spi.MailParser;
import org.mailbridge.spi.ParseOutcome;
import org.mailbridge.spi.ParserConfigException;
import org.mailbridge.spi.ParserContext;
import org.mailbridge.spi.ParserIds;
import org.mailbridge.spi.SenderPolicy;

/**
 * The fallback for mail no parser claims, when {@code unclaimed = "publish"}: a generic
 * {@code mail.received} event with the envelope facts and the text body. Its settings live in
 * {@code [parsers.mail]}: {@code senders} (default: anyone, since the operator opted in) and
 * {@code max_body} (characters of text kept, default 65536; longer text is cut and flagged).
 */
public final class GenericMailParser implements MailParser {
    /** The reserved id. */
    public static final String ID = ParserIds.GENERIC;
    /** The topic suffix. */
    public static final String TOPIC = "mail.received";
    /** The schema header value. */
    public static final String SCHEMA = "mailbridge.mail.received.v1";

    private SenderPolicy senders = SenderPolicy.anyone();
    private int maxBody = 65536;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int order() {
        return Integer.MAX_VALUE;
    }

    /** Its settings are fixed at {@link #init}; nothing else is kept. */
    @Override
    public boolean threadSafe() {
        return true;
    }

    @Override
    public Set<String> topics() {
        return Set.of(TOPIC);
    }

    @Override
    public void init(ParserContext context) throws ParserConfigException {
        context.settings().allowOnly(Set.of("max_body"));
        senders = context.settings().senders(List.of("*"));
        long mb = context.settings().integer("max_body", maxBody);
        if (mb < 0 || mb > Integer.MAX_VALUE) {
            throw new ParserConfigException("key 'parsers.mail.max_body' is out of range");
        }
        maxBody = (int) mb;
    }

    @Override
    public ParseOutcome parse(Mail mail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", mail.from().map(GenericMailParser::address).orElse(null));
        body.put("to", mail.addresses("To").stream().map(GenericMailParser::address).toList());
        body.put("cc", mail.addresses("Cc").stream().map(GenericMailParser::address).toList());
        body.put("subject", mail.subject());
        body.put("date", mail.date().map(d -> d.toEpochSecond()).orElse(null));
        body.put("message_id", mail.messageId().orElse(null));
        String text = mail.text();
        boolean cut = text.length() > maxBody;
        int end = cut && maxBody > 0 && Character.isHighSurrogate(text.charAt(maxBody - 1)) ? maxBody - 1 : maxBody;
        body.put("body", cut ? text.substring(0, end) : text);
        body.put("body_truncated", cut);
        return new ParseOutcome.Events(List.of(EventDraft.of(TOPIC, SCHEMA, body)), senders.check(mail));
    }

    private static Map<String, Object> address(Address a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("email", a.email());
        return m;
    }
}
