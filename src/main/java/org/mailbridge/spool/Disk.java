package org.mailbridge.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The file-system edge of the spool: the writes that can fail on a full disk (sidecar files), the
 * directory syncs that make its renames durable, and the free-space check. The real one uses the
 * JDK; tests put in one that fails the way a full or failing file system does ({@code No space
 * left on device}, {@code Input/output error}), which no test can make a real disk do
 * deterministically and without privileges.
 *
 * <p>On {@code deliver}'s start-up path: JDK only.
 */
public interface Disk {
    /** The real file system. */
    Disk REAL = new Disk() {
        @Override
        public void writeSynced(Path file, byte[] data) throws IOException {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.wrap(data);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
        }

        @Override
        public void syncDirectory(Path dir) throws IOException {
            try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
                ch.force(true);
            }
        }

        @Override
        public long usableSpace(Path dir) throws IOException {
            return Files.getFileStore(dir).getUsableSpace();
        }
    };

    /** Creates or replaces {@code file} with {@code data} and syncs it to disk. */
    void writeSynced(Path file, byte[] data) throws IOException;

    /** Syncs directory {@code dir}, so that a file created in it or removed from it stays so after a power cut. */
    void syncDirectory(Path dir) throws IOException;

    /** Bytes an unprivileged writer can still use on the file system holding {@code dir}. */
    long usableSpace(Path dir) throws IOException;
}
