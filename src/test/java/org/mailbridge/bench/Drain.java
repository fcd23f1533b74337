package org.mailbridge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The daemon end to end: mail in the spool, the daemon on it, timed until a consumer has every
 * event and the spool is empty (read, parsed, published with confirms, settled).
 *
 * <p>A running daemon is warm when a burst arrives (a Bugzilla mass change hits a daemon that
 * has run for days), and the raw publisher it is compared with runs in a warm JVM too. So one
 * daemon is started per broker and first drains {@code warm} mails that wait when it starts
 * (the cold rate, JIT warm-up included); then each {@link #burst} renames mails into
 * {@code new/} at once, as many {@code deliver}s would, while it runs. Later bursts find it
 * warmer still.
 */
final class Drain implements AutoCloseable {
    /**
     * One measured burst.
     *
     * @param mailsPerSecond from its first rename into new/ until the last event is at the
     *     consumer and the spool is empty
     * @param cpu where the CPU went meanwhile ({@link CpuSample#perMail})
     * @param compilerMicros the JIT compiler threads' CPU per mail meanwhile
     */
    record Burst(double mailsPerSecond, String cpu, double compilerMicros) {
    }

    /**
     * A cold drain alone ({@link #run}).
     *
     * @param mailsPerSecond the backlog's rate, from the daemon's start
     * @param lost mails whose event never reached the consumer
     * @param duplicates events that arrived more than once
     * @param peakRssMib the daemon's peak resident set
     */
    record Result(double mailsPerSecond, long lost, long duplicates, double peakRssMib) {
    }

    private final Path spool;
    private final int lines;
    private final Arrivals arrivals;
    private final DaemonProcess daemon;
    private final double coldPerSecond;
    private int total;

    private Drain(Path spool, int lines, Arrivals arrivals, DaemonProcess daemon, int backlog, long t0) throws Exception {
        this.spool = spool;
        this.lines = lines;
        this.arrivals = arrivals;
        this.daemon = daemon;
        this.total = backlog;
        this.coldPerSecond = backlog / ((awaitDrained() - t0) / 1e9);
    }

    /** Starts a daemon on {@code backlog} waiting mails and waits until it has drained them. */
    static Drain start(Path jar, Path work, Target t, int backlog, int lines, List<String> jvm) throws Exception {
        Files.createDirectories(work);
        String env = "bench" + Long.toHexString(System.nanoTime());
        Path spool = BenchMails.spool(work.resolve("spool"));
        for (int i = 0; i < backlog; i++) {
            BenchMails.deliver(spool, BenchMails.name(i), BenchMails.text("drain-" + i + "@bench.example", i, lines));
        }
        Arrivals arrivals = Arrivals.open(t, "org.fedoraproject." + env + ".#");
        DaemonProcess d = null;
        try {
            d = DaemonProcess.start(jar, work, spool, env, t.domainToml(Suite.passwordFile(work)), jvm, "");
            return new Drain(spool, lines, arrivals, d, backlog, d.awaitStarted(120_000));
        } catch (Exception | Error e) {
            if (d != null) {
                d.close();
            }
            arrivals.close();
            throw e;
        }
    }

    /** A cold drain: {@code n} waiting mails, the daemon's rate from its start, its peak memory. */
    static Result run(Path jar, Path work, Target t, int n, int lines, List<String> jvm) throws Exception {
        try (Drain d = start(jar, work, t, n, lines, jvm)) {
            return new Result(d.coldPerSecond(), d.lost(), d.duplicates(), d.daemon.peakRssKib() / 1024.0);
        }
    }

    /** Renames {@code n} new mails into new/ at once and times them through. */
    Burst burst(int n) throws Exception {
        // Written beforehand into tmp/ (same file system), then renamed in as fast as can be.
        List<String> names = new java.util.ArrayList<>(n);
        for (int i = total; i < total + n; i++) {
            String name = BenchMails.name(i);
            Files.write(spool.resolve("tmp").resolve(name), BenchMails.text("drain-" + i + "@bench.example", i, lines));
            names.add(name);
        }
        total += n;
        CpuSample c0 = daemon.cpu();
        long b0 = System.nanoTime();
        for (String name : names) {
            Files.move(spool.resolve("tmp").resolve(name), spool.resolve("new").resolve(name), StandardCopyOption.ATOMIC_MOVE);
        }
        double rate = n / ((awaitDrained() - b0) / 1e9);
        CpuSample c1 = daemon.cpu();
        return new Burst(rate, c1.perMail(c0, n), c1.compilerMicrosPerMail(c0, n));
    }

    /** The backlog's rate, from the daemon's start. */
    double coldPerSecond() {
        return coldPerSecond;
    }

    /** Mails so far whose event never reached the consumer (after a moment for late ones). */
    long lost() throws InterruptedException {
        Thread.sleep(200); // late duplicates, if any, arrive now
        return total - arrivals.distinct();
    }

    long duplicates() {
        return arrivals.received() - arrivals.distinct();
    }

    /** Mean event body size in bytes (the raw publisher sends the same). */
    long eventSize() {
        return arrivals.meanSize();
    }

    /** Waits until every mail so far has its event and the spool is empty; the time it was so. */
    private long awaitDrained() throws Exception {
        long deadline = System.currentTimeMillis() + Math.max(120_000, total * 20L);
        while ((arrivals.received() < total || daemon.waiting() > 0) && System.currentTimeMillis() < deadline) {
            if (!daemon.alive()) {
                throw new IllegalStateException("daemon died: " + daemon.lastLines());
            }
            Thread.sleep(1);
        }
        long t = System.nanoTime();
        if (daemon.waiting() > 0 || daemon.quarantined() > 0) {
            throw new IllegalStateException("after the drain: " + daemon.waiting() + " waiting, " + daemon.quarantined()
                    + " quarantined, " + arrivals.received() + " events of " + total + "\n" + daemon.lastLines());
        }
        return t;
    }

    @Override
    public void close() throws Exception {
        try {
            daemon.close();
        } finally {
            arrivals.close();
        }
    }
}
