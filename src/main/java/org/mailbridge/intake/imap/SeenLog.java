package org.mailbridge.intake.imap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The messages of one mailbox that are already in the spool, so that a message fetched again
 * (the daemon died after spooling it but before the server moved it, or the move failed) is
 * not spooled twice. A message is known by UIDVALIDITY and UID, and, when the mailbox was
 * rebuilt and its UIDs changed, by its Message-ID. Each entry is appended and synced after
 * the message is committed to {@code new/} and before the server is told anything.
 *
 * <p>File: one line per message, {@code <uidvalidity> <uid> <message-id or ->}. It keeps the
 * newest {@link #KEEP} entries: by then the server has long moved the older ones.
 */
final class SeenLog {
    static final int KEEP = 10_000;

    private final Path file;
    private final Deque<String> lines = new ArrayDeque<>();
    private final Set<String> uids = new HashSet<>();
    private final Set<String> messageIds = new HashSet<>();
    private FileChannel out;

    private SeenLog(Path file) {
        this.file = file;
    }

    /** Loads the log (compacting it when it grew past twice {@link #KEEP}) and opens it for appending. */
    static SeenLog open(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        SeenLog log = new SeenLog(file);
        List<String> all = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        for (String l : all.subList(Math.max(0, all.size() - KEEP), all.size())) {
            log.remember(l);
        }
        if (all.size() > 2 * KEEP) {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, log.lines, StandardCharsets.UTF_8);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        log.out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        return log;
    }

    private void remember(String line) {
        String[] f = line.split(" ", 3);
        if (f.length < 3) {
            return; // a line cut short by a crash: its message was not acknowledged either
        }
        lines.addLast(line);
        uids.add(f[0] + " " + f[1]);
        if (!f[2].equals("-")) {
            messageIds.add(f[2]);
        }
    }

    /** Whether this message is already spooled. */
    synchronized boolean contains(long uidValidity, long uid, String messageId) {
        return uids.contains(uidValidity + " " + uid) || (messageId != null && messageIds.contains(messageId));
    }

    /** Records a spooled message, durably. */
    synchronized void add(long uidValidity, long uid, String messageId) throws IOException {
        String line = uidValidity + " " + uid + " " + (messageId == null ? "-" : messageId);
        ByteBuffer buf = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            out.write(buf);
        }
        out.force(false);
        remember(line);
    }

    synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            // appends were synced one by one
        }
    }

    Path file() {
        return file;
    }
}
