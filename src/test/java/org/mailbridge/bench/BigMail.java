package org.mailbridge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One huge mail (a base64 attachment) for a daemon with a small heap and a message size limit
 * above the mail's, so that it is really read: what becomes of it (published, quarantined with
 * which reason, or the daemon dead), how long that took, and the daemon's peak memory.
 */
final class BigMail {
    /** @param outcome what happened @param seconds until then @param peakRssMib the daemon's peak RSS */
    record Result(String outcome, double seconds, double peakRssMib) {
    }

    private BigMail() {
    }

    static Result run(Path jar, Path work, Target t, int mib, String heap) throws Exception {
        Files.createDirectories(work);
        String env = "bench" + Long.toHexString(System.nanoTime());
        Path spool = BenchMails.spool(work.resolve("spool"));
        Path file = spool.resolve("tmp").resolve(BenchMails.name(1));
        BenchMails.big(file, "big@bench.example", mib);
        Files.move(file, spool.resolve("new").resolve(file.getFileName()));
        String limits = "[limits]\nmax_message_size = \"" + (2 * mib + 16) + "MiB\"\n";
        try (Arrivals arrivals = Arrivals.open(t, "org.fedoraproject." + env + ".#");
             DaemonProcess d = DaemonProcess.start(jar, work, spool, env, t.domainToml(Suite.passwordFile(work)),
                     List.of("-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError"), limits)) {
            long t0 = d.awaitStarted(120_000);
            long deadline = System.currentTimeMillis() + 300_000;
            while (System.currentTimeMillis() < deadline && d.alive() && d.waiting() > 0) {
                Thread.sleep(20);
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            double rss = d.peakRssKib() / 1024.0;
            String outcome;
            if (!d.alive()) {
                outcome = "daemon died: " + lastLine(d.lastLines());
            } else if (d.waiting() > 0) {
                outcome = "still waiting after 300 s";
            } else if (d.quarantined() > 0) {
                outcome = "quarantined: " + reason(spool);
            } else {
                outcome = arrivals.await(1, 10_000) ? "published" : "settled, but no event arrived";
            }
            return new Result(outcome, secs, rss);
        }
    }

    private static String reason(Path spool) throws Exception {
        try (var s = Files.list(spool.resolve("quarantine"))) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (p.toString().endsWith(".reason")) {
                    for (String l : Files.readAllLines(p)) {
                        if (l.startsWith("reason")) {
                            return l.replaceAll("^reason\\W*", "").replace("\"", "");
                        }
                    }
                }
            }
        }
        return "?";
    }

    private static String lastLine(String lines) {
        String[] ls = lines.split("\n");
        String l = ls[ls.length - 1];
        return l.length() > 160 ? l.substring(0, 160) + "…" : l;
    }
}
