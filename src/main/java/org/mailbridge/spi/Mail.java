package org.mailbridge.spi;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A mail as parsers see it: decoded headers and leaf parts, read within the configured limits.
 * It is immutable and safe to share between threads. Parsers never see the MIME library.
 *
 * @param headers the top-level header fields
 * @param addresses the mailboxes of the address headers ({@code From}, {@code Sender},
 *     {@code Reply-To}, {@code To}, {@code Cc}), keyed by lower-case header name
 * @param parts the leaf parts in document order
 * @param envelopeSender the envelope sender the MTA gave ({@code deliver --sender}), or empty;
 *     never taken from the message itself ({@code Return-Path}, {@code From } lines)
 * @param date the {@code Date} header, parsed, or empty when absent or unreadable
 * @param contentKey a stable identity of this mail: its {@code Message-ID}, or a hash of its
 *     content when it has none; event ids derive from it
 * @param size the size of the raw message in bytes
 */
public record Mail(Headers headers, Map<String, List<Address>> addresses, List<MailPart> parts, Optional<Address> envelopeSender,
                   Optional<OffsetDateTime> date, String contentKey, long size) {
    public Mail {
        Objects.requireNonNull(headers, "headers");
        addresses = Map.copyOf(addresses);
        parts = List.copyOf(parts);
        Objects.requireNonNull(envelopeSender, "envelopeSender");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(contentKey, "contentKey");
    }

    /** The first value of a header, decoded. */
    public Optional<String> header(String name) {
        return headers.first(name);
    }

    /** The decoded subject, or the empty string. */
    public String subject() {
        return headers.first("Subject").orElse("");
    }

    /** The {@code Message-ID}, with its angle brackets, or empty. */
    public Optional<String> messageId() {
        return headers.first("Message-ID").map(String::strip).filter(s -> !s.isEmpty());
    }

    /** The first {@code From} mailbox. */
    public Optional<Address> from() {
        List<Address> from = addresses.getOrDefault("from", List.of());
        return from.isEmpty() ? Optional.empty() : Optional.of(from.get(0));
    }

    /** Every mailbox in an address header ({@code To}, {@code Cc}, …), group members included. */
    public List<Address> addresses(String headerName) {
        return addresses.getOrDefault(headerName.toLowerCase(Locale.ROOT), List.of());
    }

    /** The first {@code text/plain} part that is not an attachment, decoded; the empty string if none. */
    public String text() {
        return firstText("text/plain");
    }

    /** The first {@code text/html} part that is not an attachment, decoded, or empty. */
    public Optional<String> html() {
        String h = firstText("text/html");
        return h.isEmpty() ? Optional.empty() : Optional.of(h);
    }

    private String firstText(String type) {
        for (MailPart p : parts) {
            if (p.mimeType().equals(type) && !p.isAttachment()) {
                return p.text();
            }
        }
        return "";
    }
}
