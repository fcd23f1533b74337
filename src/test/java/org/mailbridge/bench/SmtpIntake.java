package org.mailbridge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.mailbridge.testing.SmtpDialog;

/**
 * The daemon's SMTP intake: {@code n} mails over {@code connections} connections, timed from
 * the first connection until the last {@code 250}, each of which comes only once its mail is
 * synced into {@code new/}; the daemon publishes them meanwhile, as it would in service. As in
 * the other daemon figures, the daemon is warm first: {@code warm} mails go the same way, untimed,
 * and are published before the timed ones start.
 */
final class SmtpIntake {
    private SmtpIntake() {
    }

    /** Mails acknowledged per second. */
    static double run(Path jar, Path work, Target t, int warm, int n, int connections, int lines, List<String> jvm)
            throws Exception {
        Files.createDirectories(work);
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        String env = "bench" + Long.toHexString(System.nanoTime());
        Path spool = BenchMails.spool(work.resolve("spool"));
        String toml = "[intake.smtp]\nlisten = \"127.0.0.1:" + port + "\"\nmax_messages_per_second = 1000000\n";
        try (Arrivals arrivals = Arrivals.open(t, "org.fedoraproject." + env + ".#");
             DaemonProcess d = DaemonProcess.start(jar, work, spool, env, t.domainToml(Suite.passwordFile(work)),
                     jvm, toml)) {
            d.awaitStarted(120_000);
            ExecutorService pool = Executors.newFixedThreadPool(connections);
            try {
                if (warm > 0) {
                    over(pool, port, 0, warm, connections, lines);
                    if (!arrivals.await(warm, Math.max(60_000, warm * 20L))) {
                        throw new IllegalStateException("SMTP warm-up: " + arrivals.received() + " of " + warm + " events arrived");
                    }
                }
                long t0 = System.nanoTime();
                over(pool, port, warm, n, connections, lines);
                long t1 = System.nanoTime();
                if (!arrivals.await(warm + n, Math.max(60_000, n * 20L))) {
                    throw new IllegalStateException("SMTP intake: " + arrivals.received() + " of " + (warm + n) + " events arrived");
                }
                return n / ((t1 - t0) / 1e9);
            } finally {
                pool.shutdown();
            }
        }
    }

    /** Mails {@code from} … {@code from + n - 1} over {@code connections} connections at once; all must get a 250. */
    private static void over(ExecutorService pool, int port, int from, int n, int connections, int lines) throws Exception {
        List<Future<Integer>> sent = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int first = from + c;
            sent.add(pool.submit(() -> send(port, first, connections, from + n, lines)));
        }
        int ok = 0;
        for (Future<Integer> f : sent) {
            ok += f.get();
        }
        if (ok != n) {
            throw new IllegalStateException("SMTP intake acknowledged " + ok + " of " + n);
        }
    }

    private static int send(int port, int first, int step, int n, int lines) throws Exception {
        int ok = 0;
        try (SmtpDialog s = SmtpDialog.open(port)) {
            s.send("EHLO bench.test");
            for (int i = first; i < n; i += step) {
                String mail = new String(BenchMails.text("smtp-" + i + "@bench.example", i, lines),
                        java.nio.charset.StandardCharsets.UTF_8);
                if (s.mail("robot@bench.example", "bridge@bench.example", mail).startsWith("250")) {
                    ok++;
                }
                s.send("RSET");
            }
            s.send("QUIT");
        }
        return ok;
    }
}
