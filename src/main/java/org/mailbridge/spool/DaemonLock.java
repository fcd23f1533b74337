package org.mailbridge.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The spool's daemon lock, {@code <spool>/.daemon.lock}: one daemon per spool, and a way for
 * {@code status} to tell a live daemon from a dead one. The kernel releases the lock with the
 * process, so a crashed daemon (SIGKILL, OOM kill, power cut) never leaves it held.
 */
final class DaemonLock {
    private static final String NAME = ".daemon.lock";
    private static final int TRIES = 5;
    private static final long RETRY_MS = 40;

    private DaemonLock() {
    }

    /** Takes the lock; empty when another process holds it. */
    static Optional<FileChannel> take(Path root) throws IOException {
        FileChannel ch = FileChannel.open(root.resolve(NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            // `status` holds a shared lock for a moment while it probes; a few tries keep a daemon
            // starting at that very moment from mistaking the probe for another daemon.
            for (int attempt = 0; attempt < TRIES; attempt++) {
                if (ch.tryLock() != null) {
                    return Optional.of(ch);
                }
                Thread.sleep(RETRY_MS);
            }
        } catch (OverlappingFileLockException e) {
            // held by this very JVM
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ch.close();
        return Optional.empty();
    }

    /**
     * Whether a daemon holds the lock right now.
     *
     * @return empty when it cannot be told: no lock file yet, or no permission to open it
     */
    static Optional<Boolean> held(Path root) {
        Path f = root.resolve(NAME);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            FileLock probe = ch.tryLock(0, Long.MAX_VALUE, true);
            if (probe == null) {
                return Optional.of(true);
            }
            probe.release();
            return Optional.of(false);
        } catch (OverlappingFileLockException e) {
            return Optional.of(true);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
