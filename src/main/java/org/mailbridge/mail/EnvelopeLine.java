package org.mailbridge.mail;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.mailbridge.spi.Address;

/**
 * The mbox envelope line ({@code From sender@example.org Sat Nov 29 05:26:31 2026}) that procmail
 * and local delivery agents put before the headers. It is not a header field, so it is taken off
 * the stream before the MIME parser sees it. It is never believed as the envelope sender: when
 * the MTA adds none, the line is the sender's own text. The envelope sender comes only from what
 * the transport gave (the spool's {@code env/} record).
 */
final class EnvelopeLine {
    private EnvelopeLine() {
    }

    /** Consumes a leading {@code From } line, if there is one; the envelope sender stays unknown. */
    static Optional<Address> consume(BufferedInputStream in, int maxLine) throws IOException {
        in.mark(maxLine + 1);
        byte[] head = in.readNBytes(5);
        if (head.length < 5 || !new String(head, StandardCharsets.US_ASCII).equals("From ")) {
            in.reset();
            return Optional.empty();
        }
        int n = 5;
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (++n >= maxLine) {
                in.reset(); // not an envelope line after all: let the parser judge it
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
