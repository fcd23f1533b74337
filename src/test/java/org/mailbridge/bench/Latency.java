package org.mailbridge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Spool to consumer at a steady rate: a mail is put into new/ every 1/rate seconds while the
 * daemon runs; the latency of each is from its rename into new/ to the arrival of its event.
 * The daemon first drains a backlog of {@code warm} mails, so that the figures are those of a
 * daemon that has run for a while (its JIT warm-up is a one-off of its first seconds).
 */
final class Latency {
    /** @param p50 median, ms @param p99 99th percentile, ms @param lost mails whose event did not arrive */
    record Result(double p50, double p99, int lost) {
    }

    private Latency() {
    }

    static Result run(Path jar, Path work, Target t, int warm, int rate, double seconds, int lines) throws Exception {
        Files.createDirectories(work);
        String env = "bench" + Long.toHexString(System.nanoTime());
        Path spool = BenchMails.spool(work.resolve("spool"));
        int n = (int) Math.max(1, rate * seconds);
        long[] sentAt = new long[n];
        for (int i = 0; i < warm; i++) {
            BenchMails.deliver(spool, BenchMails.name(i), BenchMails.text("warm-" + i + "@bench.example", i, lines));
        }
        try (Arrivals arrivals = Arrivals.open(t, "org.fedoraproject." + env + ".#");
             DaemonProcess d = DaemonProcess.start(jar, work, spool, env, t.domainToml(Suite.passwordFile(work)), List.of(), "")) {
            d.awaitStarted(120_000);
            warmUp(spool, arrivals, d, warm);
            long period = 1_000_000_000L / rate;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long due = start + i * period;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                byte[] mail = BenchMails.text("lat-" + i + "@bench.example", i, lines);
                BenchMails.deliver(spool, BenchMails.name(warm + 1 + i), mail);
                sentAt[i] = System.nanoTime();
            }
            arrivals.await(warm + 1L + n, 30_000);
            List<Double> ms = new ArrayList<>();
            int lost = 0;
            for (int i = 0; i < n; i++) {
                Long at = arrival(arrivals, "lat-" + i + "@bench.example");
                if (at == null) {
                    lost++;
                } else {
                    ms.add((at - sentAt[i]) / 1e6);
                }
            }
            return new Result(Stats.percentile(ms, 50), Stats.percentile(ms, 99), lost);
        }
    }

    /**
     * Waits for the backlog, then sends one mail more through the idle daemon, so that neither
     * connecting nor the backlog is in the figures.
     */
    private static void warmUp(Path spool, Arrivals arrivals, DaemonProcess d, int warm) throws Exception {
        if (!arrivals.await(warm, Math.max(60_000, warm * 20L))) {
            throw new IllegalStateException("the backlog did not arrive: " + arrivals.received() + " of " + warm
                    + "\n" + d.lastLines());
        }
        while (d.waiting() > 0) {
            Thread.sleep(5);
        }
        BenchMails.deliver(spool, BenchMails.name(warm), BenchMails.text("warm@bench.example", warm, 5));
        if (!arrivals.await(warm + 1L, 60_000)) {
            throw new IllegalStateException("the first mail did not arrive: " + d.lastLines());
        }
    }

    private static Long arrival(Arrivals a, String mid) {
        Long at = a.arrivedAt("<" + mid + ">");
        return at != null ? at : a.arrivedAt(mid);
    }
}
