package org.mailbridge.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stores a message's {@link Envelope} in the spool's {@code env/} directory, under the message's
 * own name. The message moves between {@code new/}, {@code cur/} and {@code quarantine/}; its
 * envelope stays put, so no move has two files to keep in step. It is written and synced before
 * the message is committed to {@code new/}, so the daemon never sees a message without the
 * envelope it arrived with; it is removed after the message is settled (a crash in between
 * leaves an orphan that {@link Spool#sweepTmp} removes).
 *
 * <p>Format: UTF-8 lines {@code key: value} ({@code protocol}, {@code mail-from} (empty for
 * {@code <>}), {@code rcpt-to} (one line each), {@code client}, {@code helo}, {@code source}),
 * readable by an operator with {@code cat}.
 */
public final class EnvelopeFile {
    static final String DIR = "env";

    private final Spool spool;

    public EnvelopeFile(Spool spool) {
        this.spool = spool;
    }

    /** Writes and syncs the envelope of a message that is about to be committed. */
    public void write(String name, Envelope e) throws IOException {
        Path dir = spool.dir(DIR);
        spool.makeDirectory(dir);
        StringBuilder sb = new StringBuilder();
        line(sb, "protocol", e.protocol());
        line(sb, "mail-from", e.sender());
        for (String r : e.recipients()) {
            line(sb, "rcpt-to", r);
        }
        line(sb, "client", e.client());
        line(sb, "helo", e.helo());
        line(sb, "source", e.source());
        Path file = dir.resolve(name);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            Spool.groupReadable(file);
            ByteBuffer buf = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        } catch (IOException | RuntimeException ex) {
            Files.deleteIfExists(file);
            throw ex;
        }
        spool.disk().syncDirectory(dir);
    }

    private static void line(StringBuilder sb, String key, String value) {
        if (value != null) {
            sb.append(key).append(": ").append(value).append('\n');
        }
    }

    /** The envelope of a message, or empty when it came without one (procmail's {@code deliver}). */
    public Optional<Envelope> read(String name) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(spool.dir(DIR).resolve(name), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        String protocol = "unknown";
        String sender = null;
        String client = null;
        String helo = null;
        String source = null;
        List<String> rcpts = new ArrayList<>();
        for (String l : lines) {
            int colon = l.indexOf(": ");
            if (colon <= 0) {
                continue;
            }
            String v = l.substring(colon + 2);
            switch (l.substring(0, colon)) {
                case "protocol" -> protocol = v;
                case "mail-from" -> sender = v;
                case "rcpt-to" -> rcpts.add(v);
                case "client" -> client = v;
                case "helo" -> helo = v;
                case "source" -> source = v;
                default -> {
                    // a key from a newer writer: ignore it rather than lose the message
                }
            }
        }
        return Optional.of(new Envelope(protocol, sender, rcpts, client, helo, source));
    }

    /** Removes the envelope of a settled message. */
    public void delete(String name) throws IOException {
        Files.deleteIfExists(spool.dir(DIR).resolve(name));
    }
}
