package org.mailbridge.testing;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A file system the test fills and empties: while full, sidecar writes fail as the kernel's
 * {@code ENOSPC} does (after creating the file, as a real full disk leaves a zero-length one) and
 * no space is usable.
 */
public final class FullDisk extends ForwardingDisk {
    private final AtomicBoolean full = new AtomicBoolean();
    private final AtomicInteger refused = new AtomicInteger();

    public void fill() {
        full.set(true);
    }

    public void free() {
        full.set(false);
    }

    /** How many writes failed. */
    public int refused() {
        return refused.get();
    }

    @Override
    public void writeSynced(Path file, byte[] data) throws IOException {
        if (full.get()) {
            refused.incrementAndGet();
            java.nio.file.Files.write(file, new byte[0]);
            throw new FileSystemException(file.toString(), null, "No space left on device");
        }
        super.writeSynced(file, data);
    }

    @Override
    public long usableSpace(Path dir) throws IOException {
        return full.get() ? 0 : super.usableSpace(dir);
    }
}
