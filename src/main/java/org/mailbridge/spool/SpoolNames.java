package org.mailbridge.spool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes spool file names that are unique across processes and hosts, in the spirit of Maildir:
 * {@code <seconds>.M<micros>P<pid>Q<counter>R<random>.<host>}. Names sort (as strings) by
 * arrival, which gives the daemon first-in first-out order for free: {@code <seconds>.M<micros>}
 * is the wall clock's milliseconds with a per-process sequence in the last three digits, never
 * less than the previous name's, so names made by one process sort in the order they were made
 * even within one millisecond or when the clock steps back. Names from different processes in
 * the same millisecond tie on time and are ordered by pid: their arrival order is unknowable.
 *
 * <p>No network lookups: the host name comes from the kernel, not from DNS, because
 * {@code deliver} must not touch the network.
 */
public final class SpoolNames {
    private static final AtomicLong COUNTER = new AtomicLong();
    /** The last time stamp handed out, in microseconds: the per-process sequence. */
    private static final AtomicLong LAST = new AtomicLong();
    private static volatile String host;
    private static volatile long pid;

    private SpoolNames() {
    }

    /** A fresh, unique name for a message arriving now. */
    public static String next() {
        long micros = stamp(System.currentTimeMillis() * 1000);
        // Plain concatenation: String.format would load the formatter and regex engine into deliver.
        String us = Long.toString(1_000_000 + micros % 1_000_000).substring(1);
        String rnd = Long.toHexString(ThreadLocalRandom.current().nextLong());
        return (micros / 1_000_000) + ".M" + us + "P" + pid() + "Q" + COUNTER.incrementAndGet() + "R"
                + "0".repeat(16 - rnd.length()) + rnd + "." + host();
    }

    /**
     * The wall clock, or one more than the last stamp if that is not later. A loop, not
     * {@code accumulateAndGet}: a lambda would bring the lambda machinery into deliver.
     */
    static long stamp(long wallMicros) {
        while (true) {
            long last = LAST.get();
            long next = Math.max(wallMicros, last + 1);
            if (LAST.compareAndSet(last, next)) {
                return next;
            }
        }
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

    private static long pid() {
        long p = pid;
        if (p == 0) {
            p = readPid();
            pid = p;
        }
        return p;
    }

    /**
     * On Linux, /proc/self names the process: reading it is one system call, where
     * ProcessHandle's first use starts an executor and the lambda machinery in deliver's JVM.
     */
    private static long readPid() {
        try {
            return Long.parseLong(Files.readSymbolicLink(Path.of("/proc/self")).toString());
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.current().pid();
        }
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
        // A loop, not a regex: java.util.regex would bring the lambda machinery into deliver.
        StringBuilder safe = new StringBuilder(h.length());
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            safe.append(ok ? c : '_');
        }
        return safe.toString();
    }
}
