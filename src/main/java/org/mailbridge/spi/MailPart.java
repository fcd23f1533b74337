package org.mailbridge.spi;

import java.util.Objects;

/**
 * One leaf part of a mail (the whole body when it is not multipart), in document order.
 * Text parts carry their content decoded to a string; other parts carry only their size.
 *
 * @param mimeType the lower-case media type, such as {@code text/plain}
 * @param charset the charset that was used to decode {@link #text}, or empty for non-text parts
 * @param filename the attachment file name, or empty
 * @param disposition {@code inline}, {@code attachment} or empty
 * @param text the decoded text of a {@code text/*} or {@code message/*} part, else empty
 * @param size the decoded size in bytes
 * @param lossy whether decoding replaced invalid bytes (broken charset or encoding)
 * @param truncated whether {@link #text} is only the beginning of the part: the reader keeps at
 *     most {@code limits.max_part_text} bytes of one part and {@code limits.max_mail_text} of a
 *     mail, cut at a line end where it can, so a huge body costs bounded memory
 */
public record MailPart(String mimeType, String charset, String filename, String disposition, String text,
                       long size, boolean lossy, boolean truncated) {
    public MailPart {
        Objects.requireNonNull(mimeType, "mimeType");
        charset = charset == null ? "" : charset;
        filename = filename == null ? "" : filename;
        disposition = disposition == null ? "" : disposition;
        text = text == null ? "" : text;
    }

    /** A part read whole. */
    public MailPart(String mimeType, String charset, String filename, String disposition, String text,
                    long size, boolean lossy) {
        this(mimeType, charset, filename, disposition, text, size, lossy, false);
    }

    /** Whether this part's text was decoded. */
    public boolean isText() {
        return mimeType.startsWith("text/") || mimeType.startsWith("message/");
    }

    /** Whether the part is an attachment rather than body text. */
    public boolean isAttachment() {
        return disposition.equals("attachment");
    }
}
