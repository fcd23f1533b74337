package org.mailbridge.spool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often each message was to blame when a daemon died: the crash-loop breaker. A message in
 * {@code cur/} at start-up was being worked on when the previous daemon stopped without
 * settling it; {@link #recordCrash} counts that in {@code state/crashes/<name>}. The first such
 * death makes it a {@link #suspect}, which the daemon then works on alone, marked in
 * {@code state/alone} ({@link #markAlone}) for as long as it is in hand. After that it is
 * counted again only when the daemon dies while it is the one marked: good mail that happens
 * to be in {@code cur/} at every death of a restart loop or an OOM killer is counted once and
 * goes on, while a message that kills the daemon every time it is read dies alone and reaches
 * the limit, and the daemon quarantines it as {@code crashed} instead of dying on it again.
 * Counting happens only at start-up and the mark only for suspects, so the normal path costs
 * nothing; {@link #settled} forgets a counted message once it is settled.
 */
public final class CrashLedger {
    private final Path dir;
    private final Path alone;
    private final Spool spool;
    private final Map<String, Integer> counted = new ConcurrentHashMap<>();

    public CrashLedger(Spool spool) {
        Path state = spool.root().resolve("state");
        this.dir = state.resolve("crashes");
        // Beside state/crashes/, not in it: load() deletes what there names no waiting mail.
        this.alone = state.resolve("alone");
        this.spool = spool;
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
        spool.makeDirectory(dir);
        Path f = dir.resolve(name);
        int n = 1 + read(f);
        spool.disk().writeSynced(f, (n + "\n").getBytes(StandardCharsets.US_ASCII));
        counted.put(name, n);
        return n;
    }

    /** How many deaths the message was counted at (loaded or recorded); 0 for none. */
    public int crashes(String name) {
        return counted.getOrDefault(name, 0);
    }

    /**
     * Whether the message was in hand when a daemon died: the daemon then works on it alone, so
     * that a second death with it in hand blames it and no other mail.
     */
    public boolean suspect(String name) {
        return crashes(name) > 0;
    }

    /**
     * Marks {@code name} as the message worked on alone, synced before any of its work begins:
     * if the daemon dies now, the next start blames it. One message at a time; the mark replaces
     * any earlier one. The directory is synced too: a mark created but not yet in its
     * directory's entries would be gone after a power cut.
     */
    public void markAlone(String name) throws IOException {
        if (!SpoolNames.isMessageName(name)) {
            throw new IllegalArgumentException("not a spool name: " + name);
        }
        spool.makeDirectory(alone.getParent());
        spool.disk().writeSynced(alone, (name + "\n").getBytes(StandardCharsets.US_ASCII));
        spool.disk().syncDirectory(alone.getParent());
    }

    /**
     * The message marked as worked on alone, if any: at start-up, the one the previous daemon
     * was working on alone when it died (or had just settled). A mark that does not name a spool
     * message counts as none.
     */
    public Optional<String> markedAlone() throws IOException {
        String name;
        try {
            name = Files.readString(alone, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (java.nio.charset.CharacterCodingException e) {
            return Optional.empty(); // not a name this daemon wrote
        }
        return !name.isEmpty() && SpoolNames.isMessageName(name) ? Optional.of(name) : Optional.empty();
    }

    /**
     * No message is worked on alone any more: it is settled or back in {@code new/}. The removal
     * is synced: a mark back after a power cut would count that cut against a message put back
     * in {@code new/}. Only suspects are marked, so this costs nothing on the normal path.
     */
    public void clearAlone() throws IOException {
        if (Files.deleteIfExists(alone)) {
            spool.disk().syncDirectory(alone.getParent());
        }
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
