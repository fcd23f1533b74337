package org.mailbridge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The daemon end to end: {@code n} mails waiting in the spool, the daemon started on them, timed
 * from its "daemon started" line until a consumer has every event and the spool is empty (read,
 * parsed, published with confirms, settled).
 */
final class Drain {
    /**
     * @param mailsPerSecond drain rate once warm: from the first quarter of the events at the
     *     consumer to the last (a backlog of tens of thousands is drained at this rate; the
     *     JVM's warm-up is a one-off of the first seconds)
     * @param coldPerSecond drain rate over the whole run, from the daemon's start
     * @param lost mails whose event never reached the consumer
     * @param duplicates events that arrived more than once
     * @param eventSize mean event body size in bytes (the raw publisher sends the same)
     * @param peakRssMib the daemon's peak resident set
     */
    record Result(double mailsPerSecond, double coldPerSecond, long lost, long duplicates, long eventSize, double peakRssMib) {
    }

    private Drain() {
    }

    static Result run(Path jar, Path work, Target t, int n, int lines, List<String> jvm) throws Exception {
        Files.createDirectories(work);
        String env = "bench" + Long.toHexString(System.nanoTime());
        Path spool = BenchMails.spool(work.resolve("spool"));
        for (int i = 0; i < n; i++) {
            BenchMails.deliver(spool, BenchMails.name(i), BenchMails.text("drain-" + i + "@bench.example", i, lines));
        }
        try (Arrivals arrivals = Arrivals.open(t, "org.fedoraproject." + env + ".#");
             DaemonProcess d = DaemonProcess.start(jar, work, spool, env, t.domainToml(Suite.passwordFile(work)), jvm, "")) {
            long t0 = d.awaitStarted(120_000);
            long deadline = System.currentTimeMillis() + Math.max(120_000, n * 20L);
            long tq = 0;
            int quarter = Math.max(1, n / 4);
            while ((arrivals.received() < n || d.waiting() > 0) && System.currentTimeMillis() < deadline) {
                if (tq == 0 && arrivals.received() >= quarter) {
                    tq = System.nanoTime();
                }
                if (!d.alive()) {
                    throw new IllegalStateException("daemon died: " + d.lastLines());
                }
                Thread.sleep(2);
            }
            long t1 = System.nanoTime();
            if (d.waiting() > 0 || d.quarantined() > 0) {
                throw new IllegalStateException("after the drain: " + d.waiting() + " waiting, " + d.quarantined()
                        + " quarantined, " + arrivals.received() + " events of " + n + "\n" + d.lastLines());
            }
            Thread.sleep(200); // late duplicates, if any, arrive now
            double cold = n / ((t1 - t0) / 1e9);
            double rate = tq == 0 || t1 <= tq ? cold : (n - quarter) / ((t1 - tq) / 1e9);
            return new Result(rate, cold, n - arrivals.distinct(), arrivals.received() - arrivals.distinct(),
                    arrivals.meanSize(), d.peakRssKib() / 1024.0);
        }
    }
}
