package org.mailbridge.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the CPU went between two moments, from /proc: each thread of one process (grouped by
 * name, digits dropped: the parse workers are one line), and the whole machine's busy and idle
 * time. Counted in clock ticks (10 ms on Linux), so it is meant for spans of seconds.
 *
 * @param threads ticks per thread-name group of the process
 * @param busy ticks the machine's cores were busy (user, nice, system, irq, softirq, steal)
 * @param idle ticks they were idle (idle, iowait)
 */
record CpuSample(Map<String, Long> threads, long busy, long idle) {
    private static final double TICK_MICROS = 10_000;

    /** Takes a sample of process {@code pid} and of the machine; empty maps where /proc cannot tell. */
    static CpuSample of(long pid) {
        Map<String, Long> threads = new TreeMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path t : ds) {
                try {
                    String name = Files.readString(t.resolve("comm")).strip().replaceAll("[0-9#]+", "").replaceAll("[-_ ]+$", "");
                    String stat = Files.readString(t.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    threads.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (IOException | RuntimeException e) {
                    // a thread that ended between the listing and the read
                }
            }
        } catch (IOException e) {
            // no /proc: no figures
        }
        long busy = 0;
        long idle = 0;
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            for (int i = 1; i < f.length && i <= 8; i++) {
                long v = Long.parseLong(f[i]);
                if (i == 4 || i == 5) {
                    idle += v;
                } else {
                    busy += v;
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc/stat
        }
        return new CpuSample(threads, busy, idle);
    }

    /**
     * What happened from {@code before} to this sample for {@code mails} mails: a line such as
     * {@code parse 120 µs, settle 35 µs, … = 310 µs per mail; machine 97 % busy, daemon 61 % of it}.
     */
    String perMail(CpuSample before, int mails) {
        Map<String, Long> d = new LinkedHashMap<>();
        threads.forEach((k, v) -> {
            long delta = v - before.threads.getOrDefault(k, 0L);
            if (delta > 0) {
                d.put(k, delta);
            }
        });
        long total = d.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder sb = new StringBuilder();
        List<Map.Entry<String, Long>> sorted = d.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList();
        for (Map.Entry<String, Long> e : sorted) {
            if (e.getValue() * 50 < total) {
                continue; // under 2 %: not worth a column
            }
            sb.append(sb.length() == 0 ? "" : ", ").append(label(e.getKey())).append(' ')
                    .append(Math.round(e.getValue() * TICK_MICROS / mails)).append(" µs");
        }
        long busyD = busy - before.busy;
        long idleD = idle - before.idle;
        double busyShare = busyD + idleD == 0 ? 0 : 100.0 * busyD / (busyD + idleD);
        double daemonShare = busyD == 0 ? 0 : 100.0 * total / busyD;
        return String.format(java.util.Locale.ROOT, "%s = %d µs per mail; machine %.0f %% busy, the daemon %.0f %% of that",
                sb, Math.round(total * TICK_MICROS / mails), busyShare, daemonShare);
    }

    /**
     * The CPU the JIT compiler threads used from {@code before} to this sample, in microseconds
     * per mail: how far the daemon still is from its compiled steady state.
     */
    double compilerMicrosPerMail(CpuSample before, int mails) {
        long ticks = 0;
        for (Map.Entry<String, Long> e : threads.entrySet()) {
            if (label(e.getKey()).equals("JIT")) {
                ticks += e.getValue() - before.threads.getOrDefault(e.getKey(), 0L);
            }
        }
        return ticks * TICK_MICROS / mails;
    }

    /** Thread names as the kernel keeps them (15 characters), shortened for the table. */
    private static String label(String name) {
        if (name.startsWith("mailbridge-pars")) {
            return "parse";
        } else if (name.startsWith("mailbridge-sett")) {
            return "settle";
        } else if (name.startsWith("mailbridge-send")) {
            return "send";
        } else if (name.contains("CompilerThre")) {
            return "JIT";
        } else if (name.startsWith("GC")) {
            return "GC";
        } else if (name.startsWith("AMQP") || name.startsWith("AmqpProvider")) {
            return "AMQP I/O";
        } else if (name.startsWith("JmsSession")) {
            return "JMS session";
        } else if (name.equals("java")) {
            return "claimer";
        }
        return name;
    }
}
