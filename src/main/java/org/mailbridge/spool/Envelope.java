package org.mailbridge.spool;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What the transport said about a message, as opposed to what the message says about itself:
 * the SMTP envelope (MAIL FROM, RCPT TO, client address, HELO) or where an IMAP intake fetched
 * it. It is stored beside the message by whoever put it in the spool (see {@link EnvelopeFile}),
 * never read from the message's own headers, so a trust check can rely on it.
 *
 * <p>Plain fields and no {@code Optional}: this class is on {@code deliver}'s start-up path.
 *
 * @param protocol how it arrived: {@code smtp}, {@code esmtp}, {@code imap}, {@code deliver}
 * @param sender the envelope sender's addr-spec as given by the MTA; the empty string for the
 *     null sender ({@code <>}); null when the transport did not say
 * @param recipients the envelope recipients (RCPT TO), possibly empty
 * @param client the client's address, or null
 * @param helo the HELO/EHLO name the client gave, or null
 * @param source where it was fetched from (an IMAP intake's mailbox and UID), or null
 */
public record Envelope(String protocol, String sender, List<String> recipients, String client, String helo,
                       String source) {
    public Envelope {
        Objects.requireNonNull(protocol, "protocol");
        recipients = Collections.unmodifiableList(new ArrayList<>(recipients));
        for (String v : new String[] {protocol, sender, client, helo, source}) {
            checkValue(v);
        }
        for (String r : recipients) {
            checkValue(Objects.requireNonNull(r, "recipient"));
        }
    }

    /** Line breaks would let one field forge another in the stored form; addresses never hold them. */
    private static void checkValue(String v) {
        if (v != null && (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0)) {
            throw new IllegalArgumentException("envelope value with a line break");
        }
    }
}
