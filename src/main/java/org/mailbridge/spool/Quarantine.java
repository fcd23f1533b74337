package org.mailbridge.spool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The spool's {@code quarantine/} directory: messages that cannot be published, each beside a
 * {@code <name>.reason} file that says why. The reason is written before the message moves, so a
 * quarantined message always has one.
 */
public final class Quarantine {
    /** Suffix of the sidecar file. */
    public static final String REASON_SUFFIX = ".reason";

    private final Spool spool;

    public Quarantine(Spool spool) {
        this.spool = spool;
    }

    /**
     * A quarantined message and its note.
     *
     * @param entry the message file in {@code quarantine/}
     * @param note why it is there
     */
    public record Item(SpoolEntry entry, QuarantineNote note) {
    }

    /**
     * Moves a message (from {@code tmp/} or {@code cur/}) into quarantine with its reason. When
     * the reason cannot be written (a full disk), nothing is left behind in {@code tmp/} and the
     * message stays where it was: the caller decides what to do with it.
     */
    public SpoolEntry put(SpoolEntry entry, QuarantineNote note) throws IOException {
        Path dir = spool.dir(Spool.QUARANTINE);
        spool.makeDirectory(dir);
        Path tmpReason = spool.dir(Spool.TMP).resolve(entry.name() + REASON_SUFFIX);
        try {
            spool.disk().writeSynced(tmpReason, note.format().getBytes(StandardCharsets.UTF_8));
            Spool.groupReadable(tmpReason);
            Files.move(tmpReason, dir.resolve(entry.name() + REASON_SUFFIX), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmpReason);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return spool.moveDurably(entry, Spool.QUARANTINE);
    }

    /** Every quarantined message, oldest first. */
    public List<Item> list() throws IOException {
        List<Item> out = new ArrayList<>();
        for (SpoolEntry e : spool.list(Spool.QUARANTINE)) {
            out.add(new Item(e, note(e.name()).orElseGet(Quarantine::missing)));
        }
        return out;
    }

    /** One quarantined message by name. */
    public Optional<Item> find(String name) throws IOException {
        if (!SpoolNames.isMessageName(name)) {
            return Optional.empty();
        }
        Path p = spool.dir(Spool.QUARANTINE).resolve(name);
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        SpoolEntry e = new SpoolEntry(name, p);
        return Optional.of(new Item(e, note(name).orElseGet(Quarantine::missing)));
    }

    /**
     * Sends a quarantined message back to {@code new/} for another try and removes its reason
     * file. Nothing keeps the earlier reason: a caller that wants it shown (as {@code replay}
     * prints it) reads it from {@code item} first. If the message fails again it gets a new one.
     */
    public SpoolEntry replay(Item item) throws IOException {
        SpoolEntry back = spool.moveDurably(item.entry(), Spool.NEW);
        Files.deleteIfExists(spool.dir(Spool.QUARANTINE).resolve(item.entry().name() + REASON_SUFFIX));
        return back;
    }

    private static QuarantineNote missing() {
        return QuarantineNote.of(QuarantineReason.UNKNOWN, "no reason file");
    }

    private Optional<QuarantineNote> note(String name) throws IOException {
        try {
            return Optional.of(QuarantineNote.parse(Files.readString(
                    spool.dir(Spool.QUARANTINE).resolve(name + REASON_SUFFIX), StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
