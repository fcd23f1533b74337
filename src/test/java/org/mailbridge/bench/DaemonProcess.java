package org.mailbridge.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code mailbridge daemon} in its own JVM, as an operator runs it: its log is read for the
 * "daemon started" line, its spool watched, its resident memory sampled from /proc.
 */
final class DaemonProcess implements AutoCloseable {
    private final Process process;
    private final Path spool;
    private final Deque<String> tail = new ArrayDeque<>();
    private volatile long startedAt;

    private DaemonProcess(Process process, Path spool) {
        this.process = process;
        this.spool = spool;
        Thread reader = new Thread(this::readLog, "daemon-log");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Writes a configuration for {@code spool} and {@code domain} and starts the daemon.
     *
     * @param jvm JVM options, e.g. {@code -Xmx64m}
     * @param extraToml more top-level keys ({@code [limits]} and so on), may be empty
     */
    static DaemonProcess start(Path jar, Path work, Path spool, String environment, String domainToml,
                               List<String> jvm, String extraToml) throws IOException {
        Path conf = work.resolve("config.toml");
        Files.writeString(conf, "spool = \"" + spool + "\"\nunclaimed = \"publish\"\nrules_dirs = []\n"
                + "environment = \"" + environment + "\"\nplugins_dir = \"" + work.resolve("plugins") + "\"\n"
                + extraToml + "\n[daemon]\npoll_interval = \"1s\"\nretry_min = \"200ms\"\nretry_max = \"2s\"\n" + System.getenv().getOrDefault("BENCH_DAEMON_SETTINGS", "") + "\n\n"
                + domainToml);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvm);
        cmd.addAll(List.of("-jar", jar.toString(), "daemon", "--conf", conf.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("XDG_DATA_HOME", work.resolve("xdg").toString());
        return new DaemonProcess(pb.start(), spool);
    }

    private void readLog() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (startedAt == 0 && line.contains("daemon started")) {
                    startedAt = System.nanoTime();
                }
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > 20) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the process is gone; its exit is seen by the caller
        }
    }

    /** Waits for the "daemon started" line; returns its time ({@link System#nanoTime}). */
    long awaitStarted(long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (startedAt == 0) {
            if (!process.isAlive() || System.currentTimeMillis() > end) {
                throw new IllegalStateException("daemon did not start: " + lastLines());
            }
            Thread.sleep(2);
        }
        return startedAt;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Files in new/ and cur/: mail not settled yet. */
    long waiting() throws IOException {
        return count("new") + count("cur");
    }

    long quarantined() throws IOException {
        try (Stream<Path> s = Files.list(spool.resolve("quarantine"))) {
            return s.filter(p -> !p.getFileName().toString().endsWith(".reason")).count();
        }
    }

    private long count(String dir) throws IOException {
        try (Stream<Path> s = Files.list(spool.resolve(dir))) {
            return s.count();
        }
    }

    /** A sample of the daemon's threads' CPU time and of the machine's. */
    CpuSample cpu() {
        return CpuSample.of(process.pid());
    }

    /** The peak resident set size so far (VmHWM), in KiB; 0 when /proc cannot tell. */
    long peakRssKib() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    String lastLines() {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
