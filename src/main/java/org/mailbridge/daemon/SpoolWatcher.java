package org.mailbridge.daemon;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Wakes the daemon when a file lands in {@code new/} (inotify on Linux), with a timed rescan as
 * the fallback: file-system notifications can be lost (overflow, network file systems), a
 * rescan cannot.
 */
final class SpoolWatcher implements AutoCloseable {
    private final WatchService watcher;

    SpoolWatcher(Path newDir) throws IOException {
        this.watcher = FileSystems.getDefault().newWatchService();
        newDir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
    }

    /** Waits until something arrives or the timeout passes. */
    void await(Duration timeout) throws InterruptedException {
        WatchKey key;
        try {
            key = watcher.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ClosedWatchServiceException e) {
            return; // shutting down
        }
        if (key != null) {
            key.pollEvents();
            key.reset();
        }
    }

    /** Wakes a waiting {@link #await} (used at shutdown). */
    @Override
    public void close() throws IOException {
        watcher.close();
    }
}
