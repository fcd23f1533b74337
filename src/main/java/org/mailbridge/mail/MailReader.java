package org.mailbridge.mail;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.MimeIOException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.mailbridge.config.Limits;
import org.mailbridge.spi.Address;
import org.mailbridge.spi.Header;
import org.mailbridge.spi.Headers;
import org.mailbridge.spi.Mail;
import org.mailbridge.spool.QuarantineReason;

/**
 * Reads a raw message into a {@link Mail} with Mime4j, streaming and within {@link Limits}:
 * an oversized message is refused before it is read; a line, header, header count, nesting
 * depth or part count over its limit stops the parse; text is kept up to the text caps. Mime4j stays inside this package; its exceptions are wrapped once,
 * here, as {@link MalformedMailException}.
 */
public final class MailReader {
    private static final Set<String> ADDRESS_HEADERS = Set.of("from", "sender", "reply-to", "to", "cc");
    private static final int ENVELOPE_LINE_MAX = 4096;
    private static final Pattern SPACES = Pattern.compile("[ \t\r\n]+");

    private final Limits limits;
    private final MimeConfig mimeConfig;

    public MailReader(Limits limits) {
        this.limits = limits;
        this.mimeConfig = new MimeConfig.Builder()
                .setStrictParsing(false)
                .setMaxLineLen(limits.maxLineLength())
                .setMaxHeaderCount(limits.maxHeaderCount())
                .setMaxHeaderLen(limits.maxHeaderLength())
                .setMaxContentLen(limits.maxMessageSize())
                .build();
    }

    /** Reads a spool file; refuses it unread when it is over the size limit. */
    public Mail read(Path file) throws IOException, MalformedMailException {
        long size = Files.size(file);
        if (size > limits.maxMessageSize()) {
            throw oversized(size);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /** Reads a message from a stream, which it does not close. */
    public Mail read(InputStream raw) throws IOException, MalformedMailException {
        LimitedInputStream counted = new LimitedInputStream(raw, limits.maxMessageSize(), limits.maxLineLength());
        // Room for the envelope line's mark; Mime4j buffers its own reading. A bigger buffer is
        // zeroed for every mail and costs more than the whole parse of a small one.
        BufferedInputStream in = new BufferedInputStream(counted, 2 * ENVELOPE_LINE_MAX);
        try {
            Optional<Address> fromLine = EnvelopeLine.consume(in, ENVELOPE_LINE_MAX);
            PartCollector collector = new PartCollector(limits);
            MimeStreamParser parser = new MimeStreamParser(mimeConfig, DecodeMonitor.SILENT,
                    new DefaultBodyDescriptorBuilder(null, ContentFieldsOnly.PARSER, DecodeMonitor.SILENT));
            parser.setContentDecoding(true);
            parser.setNoRecurse();
            parser.setContentHandler(collector);
            parser.parse(in);
            return build(collector, fromLine, counted.count());
        } catch (LimitedInputStream.LimitExceeded e) {
            if (e.isSize()) {
                throw oversized(counted.count());
            }
            throw new MalformedMailException(QuarantineReason.MALFORMED, e.getMessage(), null);
        } catch (PartCollector.LimitBreached e) {
            throw new MalformedMailException(QuarantineReason.MALFORMED, e.getMessage(), null);
        } catch (MimeIOException e) {
            if (e.getCause() instanceof PartCollector.LimitBreached b) {
                throw new MalformedMailException(QuarantineReason.MALFORMED, b.getMessage(), null);
            }
            throw malformed(e.getCause() != null ? e.getCause() : e);
        } catch (MimeException e) {
            throw malformed(e);
        }
    }

    private Mail build(PartCollector c, Optional<Address> fromLine, long size) throws MalformedMailException {
        List<Header> headers = new ArrayList<>();
        Map<String, List<Address>> addresses = new LinkedHashMap<>();
        for (Field f : c.topFields()) {
            Header h = HeaderDecoder.decode(f);
            headers.add(h);
            String key = h.name().toLowerCase(Locale.ROOT);
            if (ADDRESS_HEADERS.contains(key)) {
                addresses.computeIfAbsent(key, k -> new ArrayList<>()).addAll(HeaderDecoder.addresses(h.raw()));
            }
        }
        if (headers.isEmpty()) {
            throw new MalformedMailException(QuarantineReason.MALFORMED, "no header fields: not a mail message", null);
        }
        Headers hs = new Headers(headers);
        // The envelope sender is only what the MTA gave deliver: Return-Path and From lines
        // inside the message are the sender's own words.
        return new Mail(hs, addresses, c.parts(), fromLine, hs.first("Date").flatMap(HeaderDecoder::date),
                contentKey(hs, c::bodyDigest), size);
    }

    /**
     * The mail's identity: its Message-ID when that is one well-formed msg-id with a real left
     * part ({@link MessageIds}); otherwise a digest of the header section without the trace
     * fields a relay adds ({@link TraceFields}), plus the body. The same mail by two routes, or
     * delivered twice, keeps its key; two mails that share a placeholder id do not.
     */
    static String contentKey(Headers h, Supplier<byte[]> bodyDigest) {
        Optional<String> mid = MessageIds.key(h.all("Message-ID"));
        if (mid.isPresent()) {
            return mid.get();
        }
        MessageDigest md = PartCollector.sha256();
        for (Header f : h.fields()) {
            if (!TraceFields.isTrace(f.name())) {
                String value = SPACES.matcher(f.raw().strip()).replaceAll(" ");
                md.update((f.name().toLowerCase(Locale.ROOT) + ":" + value + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        md.update((byte) 0);
        md.update(bodyDigest.get());
        return "sha256:" + HexFormat.of().formatHex(md.digest());
    }

    private MalformedMailException oversized(long size) {
        return new MalformedMailException(QuarantineReason.OVERSIZED, "message of " + (size > limits.maxMessageSize() ? "over " : "")
                + size + " bytes is over limits.max_message_size (" + limits.maxMessageSize() + ")", null);
    }

    private static MalformedMailException malformed(Throwable cause) {
        return new MalformedMailException(QuarantineReason.MALFORMED, "unreadable MIME: " + cause.getMessage(), cause);
    }
}
