package org.mailbridge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** The suite's benchmarks in order, each adding its rows to the table. */
final class Runs {
    /** Lines of the generated mails: about 5 KB each. */
    static final int LINES = 60;
    private static final int WINDOW = 1000;
    private static final int LATENCY_RATE = 200;
    /** Compiler CPU per mail under which a burst counts the daemon as compiled (about 3 % of its CPU). */
    private static final int JIT_DONE_MICROS = 10;

    private final Options o;
    private final Path work;
    private final Table table;
    private final List<Target> targets;
    private final boolean rabbit;
    private int seq;
    /** The fastest deliver per mail, for the SMTP intake's comparison. */
    private double deliverMs = Double.NaN;

    Runs(Options o, Path work, Table table, List<Target> targets, boolean rabbit) {
        this.o = o;
        this.work = work;
        this.table = table;
        this.targets = targets;
        this.rabbit = rabbit;
    }

    void all() throws Exception {
        if (o.runs("drain")) {
            for (Target t : targets) {
                drain(t);
            }
        }
        if (o.runs("parse")) {
            parse();
        }
        if (o.runs("latency")) {
            latency(targets.get(0));
        }
        if (o.runs("deliver")) {
            deliver();
        }
        if (o.runs("smtp")) {
            smtp(targets.get(0));
        }
        if (o.runs("memory")) {
            memory(targets.get(0));
        }
        if (o.runs("big")) {
            bigMail(targets.get(0));
        }
    }

    private Path dir(String what) {
        return work.resolve(what + "-" + (++seq));
    }

    /** Daemon end to end beside the raw publisher, round after round, medians of both. */
    private void drain(Target t) throws Exception {
        System.err.println("== daemon drain and raw publisher: " + t.label());
        List<Double> daemon = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        List<Double> cold = new ArrayList<>();
        List<String> cpus = new ArrayList<>();
        long lost;
        long dups;
        long size;
        int warm = 0;
        try (Drain d = Drain.start(o.jar(), dir("drain"), t, o.warmMails(), LINES, daemonJvm())) {
            cold.add(d.coldPerSecond());
            // The first bursts still find C2 compiling the per-mail path: on two cores its queue
            // is long, so the hot methods reach it only after tens of thousands of mails. A
            // daemon that has run for a day is past that; so are these rounds once the
            // compiler threads go quiet. The raw publisher gets the same rounds to warm.
            while (warm < o.warmBursts()) {
                warm++;
                Drain.Burst b = d.burst(o.mails());
                System.err.println("   warm-up burst " + warm + ": " + Table.num(b.mailsPerSecond()) + " /s; CPU: " + b.cpu());
                rawRound(t, d);
                if (b.compilerMicros() < JIT_DONE_MICROS) {
                    break;
                }
            }
            for (int r = 0; r < o.runs(); r++) {
                Drain.Burst b = d.burst(o.mails());
                System.err.println("   burst " + (r + 1) + ": " + Table.num(b.mailsPerSecond()) + " /s; CPU: " + b.cpu());
                cpus.add(b.cpu());
                daemon.add(b.mailsPerSecond());
                raw.add(rawRound(t, d));
            }
            lost = d.lost();
            dups = d.duplicates();
            size = d.eventSize();
        }
        table.ratio("daemon end to end, " + t.label() + " (" + o.mails() + " mails, " + size + " B events; "
                + lost + " lost, " + dups + " duplicated at the consumer; median of " + o.runs() + " bursts into one daemon, after it "
                + "drained a backlog of " + o.warmMails() + " from its start at " + Table.num(Stats.median(cold))
                + " /s and " + warm + " unmeasured bursts" + (warm > 0 ? " until its JIT compiler used under "
                + JIT_DONE_MICROS + " µs a mail" : "") + ") vs raw async publisher, window " + WINDOW + ", after as many unmeasured rounds",
                Stats.median(daemon), Stats.median(raw), "/s", 0.8, true);
        // Where the CPU went in the burst whose rate is the median.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < daemon.size(); i++) {
            order.add(i);
        }
        order.sort(java.util.Comparator.comparingDouble(daemon::get));
        table.add("daemon CPU per mail in that burst, by thread, " + t.label() + " (the median burst)",
                cpus.get(order.get(order.size() / 2)), "", "", "", "");
    }

    /** One raw-publisher round on the drain's broker, counted at a consumer: its rate. */
    private double rawRound(Target t, Drain d) throws Exception {
        String topic = "org.fedoraproject.bench" + Long.toHexString(System.nanoTime()) + ".raw";
        try (Arrivals a = Arrivals.open(t, topic)) {
            double rate = RawPublisher.run(t, topic, o.rawMessages(), (int) d.eventSize(), WINDOW);
            if (!a.await(o.rawMessages(), 60_000)) {
                throw new IllegalStateException("raw publisher: " + a.received() + " of " + o.rawMessages() + " arrived");
            }
            return rate;
        }
    }

    /** Extra JVM options for the drained daemons, e.g. a flight recording: BENCH_DAEMON_JAVA_OPTS. */
    private static List<String> daemonJvm() {
        String opts = System.getenv("BENCH_DAEMON_JAVA_OPTS");
        return opts == null || opts.isBlank() ? List.of() : List.of(opts.trim().split("\\s+"));
    }

    private void parse() throws Exception {
        System.err.println("== parse only");
        Path dir = dir("parse");
        int n = o.quick() ? 50 : 2000;
        List<Path> mails = ParseOnly.generated(dir, n, LINES);
        ParseOnly.Result r = ParseOnly.run(dir.resolve("w"), mails, o.quick() ? 1 : 5);
        table.ratio("parse only, " + n + " generated 5 KB mails, vs raw Mime4j", r.bridge(), r.mime4j(), "mails per CPU s", 0.8, true);
        if (o.corpus() != null) {
            List<Path> real;
            try (Stream<Path> s = Files.walk(o.corpus())) {
                real = s.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
            }
            ParseOnly.Result c = ParseOnly.run(dir.resolve("c"), real, o.quick() ? 1 : 5);
            table.ratio("parse only, " + real.size() + " mails of " + o.corpus() + ", vs raw Mime4j",
                    c.bridge(), c.mime4j(), "mails per CPU s", 0.8, true);
        }
    }

    private void latency(Target t) throws Exception {
        System.err.println("== latency at " + LATENCY_RATE + " mails/s: " + t.label());
        Latency.Result r = Latency.run(o.jar(), dir("latency"), t, o.warmMails(), LATENCY_RATE, o.latencySeconds(), LINES);
        table.add("spool → consumer latency at a steady " + LATENCY_RATE + " mails/s for " + o.latencySeconds()
                        + " s, " + t.label() + " (" + r.lost() + " lost; the daemon warmed by a backlog of " + o.warmMails() + " mails)",
                String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms", r.p50(), r.p99()), "", "", "p99 < 50 ms",
                r.p99() < 50 ? "yes" : "**no**");
        // The same stream into a daemon that has just started: what the first seconds after a restart look like.
        Latency.Result cold = Latency.run(o.jar(), dir("latency"), t, 0, LATENCY_RATE, o.latencySeconds(), LINES);
        table.add("spool → consumer latency at a steady " + LATENCY_RATE + " mails/s for " + o.latencySeconds()
                        + " s, " + t.label() + ", the daemon just started (" + cold.lost() + " lost; JIT warm-up included)",
                String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms", cold.p50(), cold.p99()), "", "", "", "");
    }

    private void deliver() throws Exception {
        System.err.println("== deliver, one process per mail");
        Path dir = dir("deliver");
        Path jdk17 = Suite.jdk(17, 17);
        Path newest = Suite.jdk(25, 999);
        if (jdk17 == null) {
            jdk17 = Path.of(System.getProperty("java.home"));
        }
        List<DeliverStarts.Variant> vs = DeliverStarts.variants(o.repo(), o.jar(), dir, jdk17, newest, rabbit);
        Map<String, Double> ms = DeliverStarts.run(vs, DeliverStarts.mail(dir), o.deliverRuns());
        String pika = "Python pika one-shot publish";
        deliverMs = ms.entrySet().stream().filter(e -> e.getKey().startsWith("bin/mailbridge deliver"))
                .mapToDouble(Map.Entry::getValue).min().orElse(Double.NaN);
        for (Map.Entry<String, Double> e : ms.entrySet()) {
            if (e.getKey().equals(pika)) {
                continue;
            }
            double target = e.getKey().contains("AOT") ? 0.75 : e.getKey().contains("AppCDS") ? 1.0 : Double.NaN;
            if (ms.containsKey(pika) && !Double.isNaN(target)) {
                table.ratio(e.getKey() + " (median of " + o.deliverRuns() + ") vs " + pika, e.getValue(), ms.get(pika),
                        "ms", target, false);
            } else {
                table.add(e.getKey() + " (median of " + o.deliverRuns() + ")", Table.num(e.getValue()) + " ms",
                        ms.containsKey(pika) ? Table.num(ms.get(pika)) + " ms (pika)" : "", ms.containsKey(pika)
                                ? String.format(Locale.ROOT, "%.2f×", e.getValue() / ms.get(pika)) : "", "", "");
            }
        }
    }

    /** The SMTP intake over a few connections beside deliver's one JVM per mail. */
    private void smtp(Target t) throws Exception {
        int connections = 4;
        System.err.println("== SMTP intake over " + connections + " connections: " + t.label());
        List<Double> rates = new ArrayList<>();
        for (int r = 0; r < o.runs(); r++) {
            rates.add(SmtpIntake.run(o.jar(), dir("smtp"), t, o.smtpWarmMails(), o.smtpMails(), connections, LINES, daemonJvm()));
        }
        table.ratio("SMTP intake, " + o.smtpMails() + " mails over " + connections + " connections (250 after the sync into "
                + "new/, daemon publishing meanwhile, after " + o.smtpWarmMails() + " mails the same way to warm it), " + t.label()
                + ", vs the fastest bin/mailbridge deliver, "
                + "one JVM per mail", Stats.median(rates), 1000 / deliverMs, "mails/s", 20, true);
    }

    private void memory(Target t) throws Exception {
        List<String> shipped = shippedJvm(o.repo());
        for (List<String> jvm : List.of(daemonJvm(), shipped)) {
            String label = jvm.equals(shipped) ? "the systemd unit's JVM options (" + String.join(" ", jvm) + ")"
                    : jvm.isEmpty() ? "default JVM options" : String.join(" ", jvm);
            System.err.println("== memory draining " + o.backlog() + " mails, " + label + ": " + t.label());
            Drain.Result d = Drain.run(o.jar(), dir("memory"), t, o.backlog(), LINES, jvm);
            boolean target = jvm.equals(shipped);
            table.add("daemon peak RSS draining " + o.backlog() + " mails, " + label + ", " + t.label()
                            + " (" + d.lost() + " lost; " + Table.num(d.mailsPerSecond()) + " mails/s)",
                    Table.num(d.peakRssMib()) + " MiB", "", "", target ? "< 256 MiB" : "",
                    target ? (d.peakRssMib() < 256 ? "yes" : "**no**") : "");
        }
    }

    /** The JVM options the shipped systemd unit gives the daemon (MAILBRIDGE_JAVA_OPTS). */
    static List<String> shippedJvm(Path repo) throws java.io.IOException {
        for (String line : Files.readAllLines(repo.resolve("systemd/mailbridge.service"))) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^Environment=\"MAILBRIDGE_JAVA_OPTS=(.*)\"$")
                    .matcher(line.strip());
            if (m.matches()) {
                return List.of(m.group(1).trim().split("\\s+"));
            }
        }
        throw new IllegalStateException("no MAILBRIDGE_JAVA_OPTS in systemd/mailbridge.service");
    }

    private void bigMail(Target t) throws Exception {
        System.err.println("== one " + o.bigMib() + " MiB mail at -Xmx64m: " + t.label());
        BigMail.Result r = BigMail.run(o.jar(), dir("big"), t, o.bigMib(), "64m");
        boolean ok = r.outcome().startsWith("published") || r.outcome().startsWith("quarantined");
        table.add("one " + o.bigMib() + " MiB mail (base64 attachment), daemon at -Xmx64m, limit raised above it",
                r.outcome() + String.format(Locale.ROOT, " after %.1f s, peak RSS %.0f MiB", r.seconds(), r.peakRssMib()),
                "", "", "published or quarantined", ok ? "yes" : "**no**");
    }
}
