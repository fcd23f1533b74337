package org.mailbridge.spool;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The durable spool, with Maildir semantics. A message is written into {@code tmp/}, fsynced and
 * renamed into {@code new/}; the daemon claims it into {@code cur/} while working on it; success
 * removes it (or moves it to {@code archive/}); a permanent failure moves it to
 * {@code quarantine/} beside a {@code .reason} file. Every step is a rename within one file system,
 * so a crash at any point leaves each message in exactly one directory and nothing is lost.
 *
 * <p>This class is on {@code deliver}'s start-up path: it uses nothing but the JDK.
 */
public final class Spool {
    static final String TMP = "tmp";
    static final String NEW = "new";
    static final String CUR = "cur";
    static final String ARCHIVE = "archive";
    static final String QUARANTINE = "quarantine";

    /** The directories every spool has, as the packages' tmpfiles.d entry makes them. */
    private static final List<String> LAYOUT = List.of(TMP, NEW, CUR, QUARANTINE, "state", EnvelopeFile.DIR);
    private static final int COPY_BUFFER = 64 * 1024;
    /**
     * What a new directory takes of the root's mode: the permissions and the set-group-ID bit.
     * Not the sticky bit: in a sticky {@code new/} the daemon could not claim what another
     * account delivered.
     */
    private static final int ROOT_MODE_BITS = 02777;
    private static final int HEAD_BYTES = 8 * 1024;
    /**
     * Messages are readable by the spool's group whatever the writer's umask (procmail's is 077):
     * the daemon usually runs as another user of that group.
     */
    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> FILE_MODE =
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----");

    private final Path root;
    private final Disk disk;

    public Spool(Path root) {
        this(root, Disk.REAL);
    }

    /** A spool whose sidecar writes and free-space checks go through {@code disk}. */
    public Spool(Path root, Disk disk) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.disk = Objects.requireNonNull(disk, "disk");
    }

    public Path root() {
        return root;
    }

    /** The file-system edge. */
    public Disk disk() {
        return disk;
    }

    /** Bytes still usable on the spool's file system. */
    public long usableSpace() throws IOException {
        return disk.usableSpace(root);
    }

    /** The {@code new/} directory, for watching. */
    public Path newDir() {
        return dir(NEW);
    }

    /**
     * Takes the spool's daemon lock, so that two daemons never recover each other's in-flight
     * messages. The lock is released when the returned channel is closed or the process dies.
     *
     * @return the open channel holding the lock, or empty when another process holds it
     */
    public Optional<FileChannel> lockForDaemon() throws IOException {
        return DaemonLock.take(root);
    }

    /**
     * Whether a daemon holds this spool's lock right now; empty when that cannot be told.
     *
     * @see DaemonLock#held
     */
    public Optional<Boolean> daemonLockHeld() {
        return DaemonLock.held(root);
    }

    Path dir(String name) {
        return root.resolve(name);
    }

    /** Creates the spool directories that are missing ({@link #makeDirectory}). */
    public void ensureLayout() throws IOException {
        if (!Files.isDirectory(root)) {
            // Only when missing: a stat, where createDirectories would try a mkdir on every deliver.
            Files.createDirectories(root);
        }
        for (String d : LAYOUT) {
            makeDirectory(dir(d));
        }
    }

    /**
     * Creates a directory of this spool, and any missing between it and the root, with the
     * root's mode rather than the creating process's umask. Whoever makes a directory first (a
     * {@code deliver} under procmail's umask 077, or the daemon) would otherwise decide alone who
     * may use it, and the other account of the spool's group could be locked out of
     * {@code env/} or {@code state/}. Its set-group-ID bit, which keeps files in the spool's
     * group, is copied with the rest. A directory another process made first is left as it is.
     *
     * <p>On {@code deliver}'s start-up path: JDK only.
     */
    public Path makeDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Path parent = dir.getParent();
        if (parent != null && !parent.equals(root) && parent.startsWith(root)) {
            makeDirectory(parent);
        }
        try {
            Files.createDirectory(dir);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return dir; // made meanwhile by another process, with its own mode
        }
        if (dir.startsWith(root)) {
            try {
                int mode = (Integer) Files.getAttribute(root, "unix:mode");
                Files.setAttribute(dir, "unix:mode", mode & ROOT_MODE_BITS);
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                // not a POSIX file system: its defaults apply
            } catch (IOException e) {
                // Refused (an NFS server's own rules, say): the directory keeps the mode the
                // umask gave it, as before; mail is not refused for it.
            }
        }
        return dir;
    }

    /**
     * Copies a message into {@code tmp/} and syncs it to disk, but does not publish it to the
     * daemon yet: the caller decides between {@link #commit} and {@link Quarantine#put}.
     *
     * @return the entry in {@code tmp/}, and how many bytes it has
     */
    public Staged stage(InputStream in) throws IOException {
        return stage(source(in));
    }

    /** A source that copies a stream to its end. */
    public static Source source(InputStream in) {
        return new StreamSource(in);
    }

    /**
     * Like {@link #stage(InputStream)}, for a source that writes the message (an IMAP fetch)
     * rather than one to read from. A source that throws leaves nothing behind.
     */
    public Staged stage(Source source) throws IOException {
        String name = SpoolNames.next();
        Path tmp = dir(TMP).resolve(name);
        HeadCapture counted;
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = Channels.newOutputStream(ch)) {
            groupReadable(tmp);
            counted = new HeadCapture(out);
            source.writeTo(counted);
            counted.flush();
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return new Staged(new SpoolEntry(name, tmp), counted.size, java.util.Arrays.copyOf(counted.head, counted.headLen));
    }

    /** Writes one message's bytes; see {@link #stage(Source)}. */
    public interface Source {
        /** Writes the whole message to the stream, which it must not close. */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Copies a stream. A class rather than a lambda: {@code deliver} keeps invokedynamic off its
     * start-up path. The first read from a pipe may return a few bytes only; the copy goes on
     * until the end whatever the writer's pace.
     */
    private static final class StreamSource implements Source {
        private final InputStream in;

        StreamSource(InputStream in) {
            this.in = in;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            byte[] buf = new byte[COPY_BUFFER];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
            }
        }
    }

    /** Counts what passes and keeps the first bytes, enough to judge what the message is. */
    private static final class HeadCapture extends java.io.FilterOutputStream {
        final byte[] head = new byte[HEAD_BYTES];
        int headLen;
        long size;

        HeadCapture(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            if (headLen < HEAD_BYTES) {
                head[headLen++] = (byte) b;
            }
            out.write(b);
            size++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (headLen < HEAD_BYTES) {
                int take = Math.min(len, HEAD_BYTES - headLen);
                System.arraycopy(b, off, head, headLen, take);
                headLen += take;
            }
            out.write(b, off, len);
            size += len;
        }
    }

    /**
     * A message written and synced in {@code tmp/}.
     *
     * @param entry the file in {@code tmp/}
     * @param size its length in bytes
     * @param head the first bytes (up to 8 KiB), for a quick look at what it is
     */
    public record Staged(SpoolEntry entry, long size, byte[] head) {
    }

    /** Makes a staged message visible to the daemon: rename into {@code new/}, then sync the directory. */
    public SpoolEntry commit(Staged staged) throws IOException {
        return moveDurably(staged.entry(), NEW);
    }

    /** The messages waiting in {@code new/}, oldest first. */
    public List<SpoolEntry> waiting() throws IOException {
        return list(NEW);
    }

    /** The messages in {@code cur/}: claimed by a daemon, or left there by one that crashed. */
    public List<SpoolEntry> claimed() throws IOException {
        return list(CUR);
    }

    /**
     * Claims a waiting message for processing.
     *
     * @return the entry in {@code cur/}, or empty when another process claimed it first
     */
    public Optional<SpoolEntry> claim(SpoolEntry waiting) throws IOException {
        try {
            return Optional.of(move(waiting, CUR));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Puts a claimed message back into {@code new/} for a later attempt. */
    public SpoolEntry release(SpoolEntry claimed) throws IOException {
        return moveDurably(claimed, NEW);
    }

    /** Settles a message that was handled: delete it, or keep it in {@code archive/}. */
    public void complete(SpoolEntry claimed, boolean archive) throws IOException {
        if (archive) {
            makeDirectory(dir(ARCHIVE));
            moveDurably(claimed, ARCHIVE);
        } else {
            Files.deleteIfExists(claimed.path());
            new EnvelopeFile(this).delete(claimed.name());
        }
    }

    /**
     * Settles many handled messages at once, as {@link #complete} does one by one, but with an
     * archive its directory is synced once for all of them rather than once per message.
     *
     * @return the messages that could not be settled, by name: they stay in {@code cur/}, or, when
     *     the archive's directory could not be synced, are in the archive but may be back in
     *     {@code cur/} after a power cut
     */
    public java.util.Map<String, IOException> completeAll(List<SpoolEntry> claimed, boolean archive) {
        java.util.Map<String, IOException> failed = new java.util.HashMap<>();
        EnvelopeFile envelopes = new EnvelopeFile(this);
        List<SpoolEntry> moved = new ArrayList<>(archive ? claimed.size() : 0);
        for (SpoolEntry e : claimed) {
            try {
                if (archive) {
                    makeDirectory(dir(ARCHIVE));
                    move(e, ARCHIVE);
                    moved.add(e);
                } else {
                    Files.deleteIfExists(e.path());
                    envelopes.delete(e.name());
                }
            } catch (IOException x) {
                failed.put(e.name(), x);
            }
        }
        if (!moved.isEmpty()) {
            try {
                disk.syncDirectory(dir(ARCHIVE));
            } catch (IOException x) {
                // Moved but maybe not durably: after a power cut it may be back in cur/ and be
                // published again (same ids); never lost. Reported, so the operator sees the disk.
                for (SpoolEntry e : moved) {
                    failed.put(e.name(), x);
                }
            }
        }
        return failed;
    }

    /**
     * Returns messages a crashed daemon left in {@code cur/} to {@code new/}. Only for a daemon at
     * start-up, holding the spool lock.
     *
     * @return how many were recovered
     */
    public int recover() throws IOException {
        int n = 0;
        for (SpoolEntry e : claimed()) {
            release(e);
            n++;
        }
        return n;
    }

    /**
     * Deletes files in {@code tmp/} older than the given age: messages of writers that died
     * before committing, and sidecars a full disk kept from being moved.
     */
    public int sweepTmp(java.time.Duration olderThan) throws IOException {
        long cutoff = System.currentTimeMillis() - olderThan.toMillis();
        int n = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir(TMP))) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                String base = name.endsWith(Quarantine.REASON_SUFFIX)
                        ? name.substring(0, name.length() - Quarantine.REASON_SUFFIX.length()) : name;
                if (!SpoolNames.isMessageName(base)) {
                    continue;
                }
                try {
                    if (Files.getLastModifiedTime(p).toMillis() < cutoff && Files.deleteIfExists(p)) {
                        n++;
                    }
                } catch (NoSuchFileException gone) {
                    // another sweeper was quicker
                }
            }
        } catch (NoSuchFileException e) {
            return 0;
        }
        for (SpoolEntry e : list(EnvelopeFile.DIR)) {
            if (isOrphan(e, cutoff) && Files.deleteIfExists(e.path())) {
                n++;
            }
        }
        return n;
    }

    /** An envelope whose message is nowhere any more: the daemon died between the two deletes. */
    private boolean isOrphan(SpoolEntry envelope, long cutoff) throws IOException {
        try {
            if (Files.getLastModifiedTime(envelope.path()).toMillis() >= cutoff) {
                return false;
            }
        } catch (NoSuchFileException gone) {
            return false;
        }
        for (String d : List.of(TMP, NEW, CUR, QUARANTINE, ARCHIVE)) {
            if (Files.exists(dir(d).resolve(envelope.name()))) {
                return false;
            }
        }
        return true;
    }

    List<SpoolEntry> list(String dirName) throws IOException {
        List<SpoolEntry> out = new ArrayList<>();
        Path d = dir(dirName);
        if (!Files.isDirectory(d)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(d)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (SpoolNames.isMessageName(name)) {
                    out.add(new SpoolEntry(name, p));
                }
            }
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    SpoolEntry move(SpoolEntry entry, String toDir) throws IOException {
        Path target = dir(toDir).resolve(entry.name());
        try {
            Files.move(entry.path(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("spool directories must be on one file system: " + root, e);
        }
        return new SpoolEntry(entry.name(), target);
    }

    SpoolEntry moveDurably(SpoolEntry entry, String toDir) throws IOException {
        SpoolEntry moved = move(entry, toDir);
        disk.syncDirectory(dir(toDir));
        return moved;
    }

    static void groupReadable(Path file) throws IOException {
        try {
            java.nio.file.Files.setPosixFilePermissions(file, FILE_MODE);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults apply
        }
    }
}
