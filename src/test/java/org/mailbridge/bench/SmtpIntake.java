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
 * synced into {@code new/}; the daemon publishes them meanwhile, as it would in service.
 */
final class SmtpIntake {
    private SmtpIntake() {
    }

    /** Mails acknowledged per second. */
    static double run(Path jar, Path work, Target t, int n, int connections, int lines) throws Exception {
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
                     List.of(), toml)) {
            d.awaitStarted(120_000);
            ExecutorService pool = Executors.newFixedThreadPool(connections);
            long t0 = System.nanoTime();
            List<Future<Integer>> sent = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                int first = c;
                sent.add(pool.submit(() -> send(port, first, connections, n, lines)));
            }
            int ok = 0;
            for (Future<Integer> f : sent) {
                ok += f.get();
            }
            long t1 = System.nanoTime();
            pool.shutdown();
            if (ok != n) {
                throw new IllegalStateException("SMTP intake acknowledged " + ok + " of " + n);
            }
            if (!arrivals.await(n, Math.max(60_000, n * 20L))) {
                throw new IllegalStateException("SMTP intake: " + arrivals.received() + " of " + n + " events arrived");
            }
            return n / ((t1 - t0) / 1e9);
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
