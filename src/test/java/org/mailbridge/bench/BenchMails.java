package org.mailbridge.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;

/** Generated mail, written into a spool the way {@code deliver} does (tmp/, then a rename into new/). */
final class BenchMails {
    private static final String LINE = "line %03d of the body, padded out to about eighty characters of ordinary text...\n";

    private BenchMails() {
    }

    /** A plain-text notification of about {@code lines} × 80 bytes, Message-ID {@code <mid>}. */
    static byte[] text(String mid, int i, int lines) {
        StringBuilder b = new StringBuilder(lines * 82 + 300);
        b.append("From: Robot <robot@example.org>\nTo: bridge@example.org\nSubject: bench ").append(i)
                .append("\nDate: Sat, 28 Nov 2026 10:00:00 +0000\nMessage-ID: <").append(mid).append(">\n\n");
        for (int l = 1; l <= lines; l++) {
            b.append(String.format(LINE, l));
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Writes a mail into {@code spool}: tmp/ first, then an atomic rename into new/. */
    static void deliver(Path spool, String name, byte[] mail) throws IOException {
        Path tmp = spool.resolve("tmp").resolve(name);
        Files.write(tmp, mail);
        Files.move(tmp, spool.resolve("new").resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Creates the spool's folders. */
    static Path spool(Path root) throws IOException {
        for (String d : new String[] {"tmp", "new", "cur", "quarantine"}) {
            Files.createDirectories(root.resolve(d));
        }
        return root;
    }

    /** A spool file name in the Maildir form the daemon expects, ordered by {@code i}. */
    static String name(int i) {
        return String.format("%010d.M000000P1Q%dR0.bench", i, i);
    }

    /**
     * A mail of about {@code mib} MiB: a short text part and one base64 attachment, written
     * straight to {@code file} in pieces so the generator itself needs no big buffer.
     */
    static void big(Path file, String mid, int mib) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("From: Robot <robot@example.org>\nTo: bridge@example.org\nSubject: a big one\n"
                    + "Date: Sat, 28 Nov 2026 10:00:00 +0000\nMessage-ID: <" + mid + ">\nMIME-Version: 1.0\n"
                    + "Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\n"
                    + "The build log is attached.\n--b\nContent-Type: application/octet-stream\n"
                    + "Content-Transfer-Encoding: base64\nContent-Disposition: attachment; filename=\"build.log\"\n\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] raw = new byte[57 * 1024];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = (byte) ('a' + i % 26);
            }
            Base64.Encoder enc = Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = enc.encode(raw);
            long target = (long) mib << 20;
            for (long written = 0; written < target; written += chunk.length + 1) {
                out.write(chunk);
                out.write('\n');
            }
            out.write("--b--\n".getBytes(StandardCharsets.US_ASCII));
        }
    }
}
