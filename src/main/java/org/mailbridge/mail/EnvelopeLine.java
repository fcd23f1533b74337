package org.mailbridge.mail;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.mailbridge.spi.Address;
import org.mailbridge.spool.EnvelopeTrace;

/**
 * What comes before the header section of a spool file: the envelope trace line that
 * {@code deliver} writes ({@link EnvelopeTrace}), then perhaps an mbox {@code From } line
 * ({@code From sender@example.org Sat Nov 29 05:26:31 2026}) that procmail puts there. Neither is
 * a header field, so both are taken off the stream before the MIME parser sees them. Only the
 * trace line names the envelope sender: a {@code From } line may come from the sender when the
 * MTA adds none, so it is skipped and never believed.
 */
final class EnvelopeLine {
    private EnvelopeLine() {
    }

    /** Consumes a leading trace line and {@code From } line, if present, and returns the recorded sender. */
    static Optional<Address> consume(BufferedInputStream in, int maxLine) throws IOException {
        Optional<Address> sender = Optional.empty();
        Optional<String> first = peekLine(in, maxLine, EnvelopeTrace.FIELD.length());
        if (first.isPresent()) {
            Optional<String> v = EnvelopeTrace.parse(first.get());
            if (v.isPresent()) {
                in.readNBytes(first.get().length() + 1);
                sender = v.get().isEmpty() ? Optional.empty() : Optional.of(new Address("", v.get()));
            }
        }
        skipFromLine(in, maxLine);
        return sender;
    }

    /** The first line, when it starts with the trace field's name and fits in {@code maxLine}. */
    private static Optional<String> peekLine(BufferedInputStream in, int maxLine, int nameLength) throws IOException {
        in.mark(maxLine + 1);
        byte[] head = in.readNBytes(nameLength);
        if (!new String(head, StandardCharsets.US_ASCII).equalsIgnoreCase(EnvelopeTrace.FIELD)) {
            in.reset();
            return Optional.empty();
        }
        StringBuilder line = new StringBuilder(new String(head, StandardCharsets.US_ASCII));
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (line.length() >= maxLine) {
                in.reset();
                return Optional.empty();
            }
            line.append((char) b);
        }
        in.reset();
        String s = line.toString();
        return Optional.of(s);
    }

    private static void skipFromLine(BufferedInputStream in, int maxLine) throws IOException {
        in.mark(maxLine + 1);
        byte[] head = in.readNBytes(5);
        if (head.length < 5 || !new String(head, StandardCharsets.US_ASCII).equals("From ")) {
            in.reset();
            return;
        }
        int n = 5;
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (++n >= maxLine) {
                in.reset(); // not an envelope line after all: let the parser judge it
                return;
            }
        }
    }
}
