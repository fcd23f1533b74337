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
 * has run for days), and the raw publisher it is compared with runs in a warm JVM too. So the
 * daemon first drains {@code warm} mails that are waiting when it starts (the cold rate, JIT
 * warm-up included), and then the measured {@code n} are renamed into {@code new/} at once, as
 * many {@code deliver}s would, while it runs.
 */
final class Drain {
    /**
     * @param mailsPerSecond the measured burst: from its first rename into new/ until the last
     *     event is at the consumer and the spool is empty
     * @param coldPerSecond the warm-up backlog's rate, from the daemon's start (the burst's rate
     *     when {@code warm} is 0)
     * @param lost mails whose event never reached the consumer
     * @param duplicates events that arrived more than once
     * @param eventSize mean event body size in bytes (the raw publisher sends the same)
     * @param peakRssMib the daemon's peak resident set
     * @param cpu where the CPU went during the measured burst ({@link CpuSample#perMail})
     */
    record Result(double mailsPerSecond, double coldPerSecond, long lost, long duplicates, long eventSize, double peakRssMib,
                  String cpu) {
    }

    private Drain() {
    }

    static Result run(Path jar, Path work, Target t, int warm, int n, int lines, List<String> jvm) throws Exception {
        Files.createDirectories(work);
        String env = "bench" + Long.toHexString(System.nanoTime());
        Path spool = BenchMails.spool(work.resolve("spool"));
        int backlog = warm > 0 ? warm : n;
        for (int i = 0; i < backlog; i++) {
            BenchMails.deliver(spool, BenchMails.name(i), BenchMails.text("drain-" + i + "@bench.example", i, lines));
        }
        try (Arrivals arrivals = Arrivals.open(t, "org.fedoraproject." + env + ".#");
             DaemonProcess d = DaemonProcess.start(jar, work, spool, env, t.domainToml(Suite.passwordFile(work)), jvm, "")) {
            long t0 = d.awaitStarted(120_000);
            long t1 = awaitDrained(d, arrivals, backlog);
            double cold = backlog / ((t1 - t0) / 1e9);
            double rate = cold;
            String cpu = "";
            if (warm > 0) {
                // Written beforehand into tmp/ (same file system), then renamed in as fast as can be.
                List<String> names = new java.util.ArrayList<>(n);
                for (int i = warm; i < warm + n; i++) {
                    String name = BenchMails.name(i);
                    Files.write(spool.resolve("tmp").resolve(name), BenchMails.text("drain-" + i + "@bench.example", i, lines));
                    names.add(name);
                }
                CpuSample c0 = d.cpu();
                long b0 = System.nanoTime();
                for (String name : names) {
                    Files.move(spool.resolve("tmp").resolve(name), spool.resolve("new").resolve(name),
                            StandardCopyOption.ATOMIC_MOVE);
                }
                rate = n / ((awaitDrained(d, arrivals, warm + n) - b0) / 1e9);
                cpu = d.cpu().perMail(c0, n);
            }
            Thread.sleep(200); // late duplicates, if any, arrive now
            int total = warm + (warm > 0 ? n : 0);
            return new Result(rate, cold, total - arrivals.distinct(), arrivals.received() - arrivals.distinct(),
                    arrivals.meanSize(), d.peakRssKib() / 1024.0, cpu);
        }
    }

    /** Waits until {@code total} events arrived and the spool is empty; the time it was so. */
    private static long awaitDrained(DaemonProcess d, Arrivals arrivals, int total) throws Exception {
        long deadline = System.currentTimeMillis() + Math.max(120_000, total * 20L);
        while ((arrivals.received() < total || d.waiting() > 0) && System.currentTimeMillis() < deadline) {
            if (!d.alive()) {
                throw new IllegalStateException("daemon died: " + d.lastLines());
            }
            Thread.sleep(1);
        }
        long t = System.nanoTime();
        if (d.waiting() > 0 || d.quarantined() > 0) {
            throw new IllegalStateException("after the drain: " + d.waiting() + " waiting, " + d.quarantined()
                    + " quarantined, " + arrivals.received() + " events of " + total + "\n" + d.lastLines());
        }
        return t;
    }
}
