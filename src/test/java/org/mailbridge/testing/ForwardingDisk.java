package org.mailbridge.testing;

import java.io.IOException;
import java.nio.file.Path;

import org.mailbridge.spool.Disk;

/**
 * A {@link Disk} that passes every call to the real one, so that a test overrides only the call
 * it fails or records.
 */
public class ForwardingDisk implements Disk {
    @Override
    public void writeSynced(Path file, byte[] data) throws IOException {
        Disk.REAL.writeSynced(file, data);
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        Disk.REAL.syncDirectory(dir);
    }

    @Override
    public long usableSpace(Path dir) throws IOException {
        return Disk.REAL.usableSpace(dir);
    }
}
