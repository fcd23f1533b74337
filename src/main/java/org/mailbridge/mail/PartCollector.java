package org.mailbridge.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.message.MaximalBodyDescriptor;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.mailbridge.spi.MailPart;

/**
 * Collects, while Mime4j streams through a message, the top-level header fields and every leaf
 * part. Text parts are decoded; the bytes of other parts are counted and dropped, so an
 * attachment costs no memory.
 */
final class PartCollector extends AbstractContentHandler {
    private final List<Field> topFields = new ArrayList<>();
    private final List<MailPart> parts = new ArrayList<>();
    private final MessageDigest body = sha256();
    private int partDepth;

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /**
     * A digest of the message body as read: every part's header fields and decoded content, in
     * order. It is what a relay does not touch, so it is part of a mail's identity.
     */
    byte[] bodyDigest() {
        return body.digest();
    }

    List<Field> topFields() {
        return topFields;
    }

    List<MailPart> parts() {
        return parts;
    }

    @Override
    public void startBodyPart() {
        partDepth++;
    }

    @Override
    public void endBodyPart() {
        partDepth--;
    }

    @Override
    public void field(Field field) {
        if (partDepth == 0) {
            topFields.add(field);
        } else {
            body.update(field.getRaw().toByteArray());
            body.update((byte) '\n');
        }
    }

    @Override
    public void body(BodyDescriptor bd, InputStream is) throws MimeException, IOException {
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
        if (text) {
            byte[] bytes = readAll(is);
            body.update(bytes);
            TextDecoder.Decoded d = TextDecoder.decode(bytes, bd.getCharset());
            parts.add(new MailPart(type, d.charset(), filename, disposition, d.text(), bytes.length, d.lossy()));
        } else {
            parts.add(new MailPart(type, "", filename, disposition, "", skipAll(is), false));
        }
        body.update((byte) 0);
    }

    private static byte[] readAll(InputStream is) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        is.transferTo(out);
        return out.toByteArray();
    }

    private long skipAll(InputStream is) throws IOException {
        byte[] buf = new byte[16 * 1024];
        long n = 0;
        int r;
        while ((r = is.read(buf)) > 0) {
            body.update(buf, 0, r);
            n += r;
        }
        return n;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
