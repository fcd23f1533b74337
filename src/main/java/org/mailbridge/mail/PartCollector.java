package org.mailbridge.mail;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.message.MaximalBodyDescriptor;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.mailbridge.config.Limits;
import org.mailbridge.spi.MailPart;

/**
 * Collects, while Mime4j streams through a message, the top-level header fields and every leaf
 * part, within {@link Limits}: nesting deeper than {@code maxDepth} or more than
 * {@code maxParts} parts stop the parse as soon as they are seen (before Mime4j nests one more
 * stream, which is what overflows the stack on hostile mail); text parts keep at most
 * {@code maxPartText} bytes each and {@code maxMailText} in all; the bytes of other parts are
 * counted and dropped, so an attachment costs no memory.
 */
final class PartCollector extends AbstractContentHandler {
    private static final int SKIP_BUFFER = 16 * 1024;
    private static final byte[] ZERO = {0};
    /** Never updated, only cloned: safe to share between threads. */
    private static final MessageDigest SHA256 = newSha256();

    /** A structural limit was crossed; the message is malformed. */
    static final class LimitBreached extends MimeException {
        private static final long serialVersionUID = 1L;

        LimitBreached(String message) {
            super(message);
        }
    }

    private final Limits limits;
    private final List<Field> topFields = new ArrayList<>();
    private final List<MailPart> parts = new ArrayList<>();
    /**
     * The body digest, made when the top header ends, and only when the Message-ID cannot key
     * the mail (see {@link MailReader#contentKey}): usually it can, and the digest of every body
     * byte is then work for nothing. Null before and when not needed.
     */
    private MessageDigest body;
    private boolean topHeaderDone;
    private int partDepth;
    private int multipartDepth;
    private int bodyParts;
    private long budget;

    PartCollector(Limits limits) {
        this.limits = limits;
        this.budget = limits.maxMailText();
    }

    /** A fresh SHA-256, cloned from one made once (a provider look-up costs more than a clone). */
    static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            return newSha256();
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /**
     * A digest of the message body as read: every part's header fields and decoded content, in
     * order. It is what a relay does not touch, so it is part of a mail's identity.
     *
     * @throws IllegalStateException when the Message-ID keys the mail, so none was made
     */
    byte[] bodyDigest() {
        if (body == null) {
            throw new IllegalStateException("no body digest: the Message-ID keys this mail");
        }
        return body.digest();
    }

    @Override
    public void endHeader() {
        if (partDepth == 0) {
            decideDigest();
        }
    }

    /** At the end of the top header (or, failing that, before the first body byte): digest or not. */
    private void decideDigest() {
        if (!topHeaderDone) {
            topHeaderDone = true;
            List<String> ids = new ArrayList<>(1);
            for (Field f : topFields) {
                if (f.getName().strip().equalsIgnoreCase("Message-ID")) {
                    ids.add(HeaderDecoder.decode(f).value());
                }
            }
            if (MessageIds.key(ids).isEmpty()) {
                body = sha256();
            }
        }
    }

    private void digest(byte[] b, int off, int len) {
        if (body != null) {
            body.update(b, off, len);
        }
    }

    List<Field> topFields() {
        return topFields;
    }

    List<MailPart> parts() {
        return parts;
    }

    @Override
    public void startMultipart(BodyDescriptor bd) throws MimeException {
        if (++multipartDepth > limits.maxDepth()) {
            throw new LimitBreached("multiparts nested deeper than limits.max_depth (" + limits.maxDepth() + ")");
        }
    }

    @Override
    public void endMultipart() {
        multipartDepth--;
    }

    @Override
    public void startBodyPart() throws MimeException {
        partDepth++;
        if (++bodyParts > limits.maxParts()) {
            throw new LimitBreached("more than limits.max_parts (" + limits.maxParts() + ") body parts");
        }
    }

    @Override
    public void endBodyPart() {
        partDepth--;
    }

    @Override
    public void field(Field field) throws MimeException {
        if (partDepth == 0) {
            budget -= field.getRaw() == null ? field.getBody().length() : field.getRaw().length();
            if (budget < 0) {
                throw new LimitBreached("header section larger than limits.max_mail_text (" + limits.maxMailText() + ")");
            }
            topFields.add(field);
        } else {
            decideDigest();
            if (body == null) {
                return;
            }
            body.update(field.getRaw().toByteArray());
            body.update((byte) '\n');
        }
    }

    @Override
    public void body(BodyDescriptor bd, InputStream is) throws MimeException, IOException {
        decideDigest();
        String type = bd.getMimeType() == null ? "text/plain" : bd.getMimeType().toLowerCase(Locale.ROOT);
        String filename = "";
        String disposition = "";
        if (bd instanceof MaximalBodyDescriptor m) {
            filename = nullToEmpty(m.getContentDispositionFilename());
            if (filename.isEmpty() && m.getContentTypeParameters() != null) {
                filename = nullToEmpty(m.getContentTypeParameters().get("name"));
            }
            disposition = nullToEmpty(m.getContentDispositionType()).toLowerCase(Locale.ROOT);
        }
        boolean text = type.startsWith("text/") || type.startsWith("message/");
        if (!text) {
            parts.add(new MailPart(type, "", filename, disposition, "", skipAll(is), false));
            return;
        }
        int cap = (int) Math.max(0, Math.min(limits.maxPartText(), budget));
        byte[] kept = is.readNBytes(cap);
        digest(kept, 0, kept.length);
        // skipAll digests the rest, so the content key covers the whole part, kept or not. Fewer
        // bytes than asked for means the part ended: there is no rest.
        long size = kept.length < cap ? kept.length : kept.length + skipAll(is);
        digest(ZERO, 0, 1);
        boolean truncated = size > kept.length;
        if (truncated) {
            kept = cutAtLineEnd(kept);
        }
        budget -= kept.length;
        TextDecoder.Decoded d = TextDecoder.decode(kept, bd.getCharset());
        parts.add(new MailPart(type, d.charset(), filename, disposition, d.text(), size, d.lossy(), truncated));
    }

    /**
     * The kept text ends at its last line end (parsers read lines; half a line would read as a
     * different value), or, with no line end in its second half, at a character boundary.
     */
    static byte[] cutAtLineEnd(byte[] b) {
        for (int i = b.length - 1; i >= b.length / 2; i--) {
            if (b[i] == '\n') {
                return Arrays.copyOf(b, i + 1);
            }
        }
        int end = b.length;
        // Do not split a UTF-8 sequence: step back over continuation bytes and their lead byte.
        while (end > 0 && (b[end - 1] & 0xC0) == 0x80) {
            end--;
        }
        if (end > 0 && (b[end - 1] & 0x80) != 0) {
            end--;
        }
        return end == b.length ? b : Arrays.copyOf(b, end);
    }

    private long skipAll(InputStream is) throws IOException {
        byte[] buf = new byte[SKIP_BUFFER];
        long n = 0;
        int r;
        while ((r = is.read(buf)) > 0) {
            digest(buf, 0, r);
            n += r;
        }
        return n;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
