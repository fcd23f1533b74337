package org.mailbridge.spool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often each message was in hand when a daemon died: the crash-loop breaker. A message in
 * {@code cur/} at start-up was being worked on when the previous daemon stopped without
 * settling it; {@link #recordCrash} counts that in {@code state/crashes/<name>}. A message that
 * kills the daemon every time it is read comes back to {@code cur/} each run, and once its count
 * reaches the limit the daemon quarantines it as {@code crashed} instead of dying on it again.
 * Counting happens only at start-up, so the normal path costs nothing; {@link #settled} forgets
 * a counted message once it is settled.
 */
public final class CrashLedger {
    private final Path dir;
    private final Disk disk;
    private final Map<String, Integer> counted = new ConcurrentHashMap<>();

    public CrashLedger(Spool spool) {
        this.dir = spool.root().resolve("state").resolve("crashes");
        this.disk = spool.disk();
    }

    /**
     * Counts one more crash with {@code name} in hand.
     *
     * @return how many times it has been in hand at a crash, this one included
     */
    public int recordCrash(String name) throws IOException {
        if (!SpoolNames.isMessageName(name)) {
            throw new IllegalArgumentException("not a spool name: " + name);
        }
        Files.createDirectories(dir);
        Path f = dir.resolve(name);
        int n = 1 + read(f);
        disk.writeSynced(f, (n + "\n").getBytes(StandardCharsets.US_ASCII));
        counted.put(name, n);
        return n;
    }

    /**
     * Whether the message was in hand when a daemon died: the daemon then works on it alone, so
     * that a second death with it in hand blames it and no other mail.
     */
    public boolean suspect(String name) {
        return counted.containsKey(name);
    }

    /** Forgets a message that was settled (published, quarantined or back in {@code new/} by choice). */
    public void settled(String name) {
        if (counted.remove(name) != null) {
            try {
                Files.deleteIfExists(dir.resolve(name));
            } catch (IOException e) {
                // A stale count only matters if this very message is in hand at two more crashes.
            }
        }
    }

    /** Loads the counts of earlier runs for messages still waiting, and drops counts of messages gone. */
    public void load(Spool spool) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        java.util.Set<String> present = new java.util.HashSet<>();
        spool.waiting().forEach(e -> present.add(e.name()));
        spool.claimed().forEach(e -> present.add(e.name()));
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (present.contains(name)) {
                    counted.put(name, read(p));
                } else {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static int read(Path f) {
        try {
            return Integer.parseInt(Files.readString(f, StandardCharsets.US_ASCII).strip());
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException | NumberFormatException e) {
            return 1; // unreadable: it was written, so at least one crash
        }
    }
}
