package org.mailbridge.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Mail built to break readers: the cases an adversarial trial used against the bridge. */
public final class HostileMail {
    private HostileMail() {
    }

    /**
     * {@code levels} nested {@code multipart/mixed} entities (4,000 levels, about 265 KB,
     * overflowed Mime4j's stack; 50,000 exhausted a 64 MiB heap).
     */
    public static byte[] nested(String messageId, int levels) {
        StringBuilder sb = new StringBuilder(levels * 70);
        sb.append("From: Sender <sender@example.org>\nTo: bridge@example.org\nSubject: nested ").append(messageId)
                .append("\nDate: Sat, 28 Nov 2026 10:00:00 +0000\nMessage-ID: <").append(messageId)
                .append("@example.org>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b0\"\n\n");
        for (int i = 1; i <= levels; i++) {
            sb.append("--b").append(i - 1).append("\nContent-Type: multipart/mixed; boundary=\"b").append(i).append("\"\n\n");
        }
        sb.append("--b").append(levels).append("\nContent-Type: text/plain\n\nhi\n");
        for (int i = levels; i >= 0; i--) {
            sb.append("--b").append(i).append("--\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A mail of {@code parts} sibling text parts. */
    public static byte[] manyParts(String messageId, int parts) {
        StringBuilder sb = new StringBuilder();
        sb.append("From: Sender <sender@example.org>\nSubject: parts\nMessage-ID: <").append(messageId)
                .append("@example.org>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"p\"\n\n");
        for (int i = 0; i < parts; i++) {
            sb.append("--p\nContent-Type: text/plain\n\npart ").append(i).append('\n');
        }
        sb.append("--p--\n");
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Writes a plain text mail whose body is {@code bodyBytes} of short lines, streamed to the
     * file so the test itself holds none of it.
     */
    public static void hugeText(Path file, String messageId, long bodyBytes) throws IOException {
        byte[] line = "0123456789 the quick brown fox jumps over the lazy dog 0123456789\n".getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(TestMail.plain(messageId).text().replace("Hello.\n", "").getBytes(StandardCharsets.UTF_8));
            for (long n = 0; n < bodyBytes; n += line.length) {
                out.write(line);
            }
        }
    }
}
