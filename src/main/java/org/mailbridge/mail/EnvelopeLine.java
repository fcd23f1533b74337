package org.mailbridge.mail;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.mailbridge.spi.Address;

/**
 * The mbox envelope line ({@code From sender@example.org Sat Nov 29 05:26:31 2026}) that procmail
 * and local delivery agents put before the headers. It is not a header field, so it is taken off
 * the stream before the MIME parser sees it, and its address kept as the envelope sender.
 */
final class EnvelopeLine {
    private EnvelopeLine() {
    }

    /** Consumes a leading envelope line, if there is one, and returns its sender. */
    static Optional<Address> consume(BufferedInputStream in, int maxLine) throws IOException {
        in.mark(maxLine + 1);
        byte[] head = in.readNBytes(5);
        if (head.length < 5 || !new String(head, StandardCharsets.US_ASCII).equals("From ")) {
            in.reset();
            return Optional.empty();
        }
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (line.length() >= maxLine - 6) {
                in.reset(); // not an envelope line after all: let the parser judge it
                return Optional.empty();
            }
            line.append((char) b);
        }
        String sender = line.toString().strip().split("\\s+", 2)[0];
        if (sender.isEmpty() || sender.equals("<>") || sender.equalsIgnoreCase("MAILER-DAEMON") || !sender.contains("@")) {
            return Optional.empty();
        }
        return Optional.of(new Address("", sender.replaceAll("^<|>$", "")));
    }
}
