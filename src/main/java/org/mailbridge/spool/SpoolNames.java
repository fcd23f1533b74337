package org.mailbridge.spool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Makes spool file names that are unique across processes and hosts, in the spirit of Maildir:
 * {@code <seconds>.M<micros>P<pid>Q<counter>R<random>.<host>}. Names sort by arrival time, which
 * gives the daemon first-in first-out order for free.
 *
 * <p>No network lookups: the host name comes from the kernel, not from DNS, because
 * {@code deliver} must not touch the network.
 */
public final class SpoolNames {
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");
    private static final AtomicLong COUNTER = new AtomicLong();
    private static volatile String host;

    private SpoolNames() {
    }

    /** A fresh, unique name for a message arriving now. */
    public static String next() {
        long micros = System.currentTimeMillis() * 1000 + (System.nanoTime() / 1000) % 1000;
        return String.format("%d.M%06dP%dQ%dR%016x.%s",
                micros / 1_000_000, micros % 1_000_000,
                ProcessHandle.current().pid(), COUNTER.incrementAndGet(),
                ThreadLocalRandom.current().nextLong(), host());
    }

    /** Whether a file name is one this spool could have made (and not a sidecar or stray file). */
    public static boolean isMessageName(String name) {
        return !name.startsWith(".") && !name.endsWith(Quarantine.REASON_SUFFIX) && !name.contains("/");
    }

    /** This host's name, from the kernel (no DNS), made safe for file names. */
    public static String host() {
        String h = host;
        if (h == null) {
            h = readHost();
            host = h;
        }
        return h;
    }

    private static String readHost() {
        String h = null;
        try {
            Path p = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(p)) {
                h = Files.readString(p, StandardCharsets.US_ASCII).trim();
            }
        } catch (IOException | RuntimeException e) {
            h = null;
        }
        if (h == null || h.isEmpty()) {
            h = System.getenv("HOSTNAME");
        }
        if (h == null || h.isEmpty()) {
            h = "localhost";
        }
        // Maildir forbids '/' and ':' in names; keep the name shell- and URL-safe as well.
        return UNSAFE.matcher(h).replaceAll("_");
    }
}
