package org.mailbridge.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;

import org.mailbridge.config.Config;
import org.mailbridge.config.ConfigLoader;
import org.mailbridge.pipeline.Interpretation;
import org.mailbridge.pipeline.Interpreter;
import org.mailbridge.pipeline.Interpreters;

/**
 * Parse only, in one JVM: the bridge's interpreter, called as the daemon calls it (bounded
 * Mime4j read, every parser, the events built, serialised and schema-checked) against raw
 * Mime4j on the same files (a message built with {@link DefaultMessageBuilder}, its subject and
 * sender read and every text part decoded to a string). Rounds alternate between the two after
 * a warm-up. Both read every file's bytes in every round; the raw side does not decode the other
 * header fields, parse the date, ask parsers or make, write and check an event, which the
 * daemon must: the ratio compares a whole interpretation with a parse.
 *
 * <p>Each side is timed by the CPU time of this JVM (every thread: the parsing one, the
 * collector, the compiler), not by the clock: on a machine that other work shares, wall time
 * swings threefold from run to run, CPU time hardly. On an idle machine the two agree.
 */
final class ParseOnly {
    /** @param bridge mails per CPU second through the interpreter @param mime4j the same through raw Mime4j */
    record Result(double bridge, double mime4j) {
    }

    /** Passes over the mails per round: a round's CPU time must be long beside the 10 ms tick it is counted in. */
    private static final int PASSES = 4;

    private ParseOnly() {
    }

    /**
     * The parse figure alone, for a profile of it:
     * {@code java -XX:StartFlightRecording=filename=parse.jfr,settings=profile
     * -cp target/test-classes:target/mailbridge.jar org.mailbridge.bench.ParseOnly [MAILS [ROUNDS]]}
     * (defaults: the suite's 2000 mails, 5 rounds).
     */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path work = Files.createTempDirectory("mailbridge-parse");
        try {
            Result r = run(work.resolve("w"), generated(work.resolve("mails"), n, Runs.LINES), rounds);
            System.out.printf(java.util.Locale.ROOT, "parse only, %d generated mails: %,.0f mails per CPU second vs raw Mime4j %,.0f = %.2f×%n",
                    n, r.bridge(), r.mime4j(), r.bridge() / r.mime4j());
        } finally {
            Suite.deleteTree(work);
        }
    }

    /** {@code n} generated plain-text mails of {@code lines} lines each, written into {@code dir}. */
    static List<Path> generated(Path dir, int n, int lines) throws IOException {
        Files.createDirectories(dir);
        List<Path> mails = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            mails.add(Files.write(dir.resolve(i + ".eml"), BenchMails.text("parse-" + i + "@bench.example", i, lines)));
        }
        return mails;
    }

    static Result run(Path work, List<Path> mails, int rounds) throws Exception {
        Files.createDirectories(work);
        Path conf = work.resolve("parse.toml");
        Files.writeString(conf, "spool = \"" + work.resolve("spool") + "\"\nunclaimed = \"publish\"\n"
                + "plugins_dir = \"" + work.resolve("plugins") + "\"\n");
        Config config = ConfigLoader.load(conf, Map.of("XDG_DATA_HOME", work.toString()));
        Interpreter interpreter = Interpreters.create(config, Clock.systemUTC());
        for (int w = 0; w < 3; w++) {
            bridge(interpreter, mails);
            mime4j(mails);
        }
        List<Double> ours = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            ours.add(bridge(interpreter, mails));
            raw.add(mime4j(mails));
        }
        return new Result(Stats.median(ours), Stats.median(raw));
    }

    /** CPU time of the whole JVM so far, in nanoseconds. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double bridge(Interpreter interpreter, List<Path> mails) throws IOException {
        long start = cpuNanos();
        int published = 0;
        for (int pass = 0; pass < PASSES; pass++) {
            for (Path m : mails) {
                if (interpreter.interpret(m, Optional.empty(), Interpreter.QUIET) instanceof Interpretation.Publishable) {
                    published++;
                }
            }
        }
        double rate = PASSES * mails.size() / ((cpuNanos() - start) / 1e9);
        if (published == 0) {
            throw new IllegalStateException("no mail produced an event");
        }
        return rate;
    }

    private static double mime4j(List<Path> mails) throws IOException {
        long start = cpuNanos();
        long chars = 0;
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        for (int pass = 0; pass < PASSES; pass++) {
            for (Path m : mails) {
                chars += mime4j(builder, m);
            }
        }
        double rate = PASSES * mails.size() / ((cpuNanos() - start) / 1e9);
        if (chars == 0) {
            throw new IllegalStateException("nothing read");
        }
        return rate;
    }

    /** One mail through raw Mime4j: its subject, sender and text parts; the characters read. */
    private static long mime4j(DefaultMessageBuilder builder, Path m) throws IOException {
        try (InputStream in = Files.newInputStream(m)) {
            Message msg = builder.parseMessage(in);
            long chars = String.valueOf(msg.getSubject()).length() + String.valueOf(msg.getFrom()).length();
            chars += text(msg.getBody());
            msg.dispose();
            return chars;
        }
    }

    private static long text(Body body) throws IOException {
        if (body instanceof TextBody t) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            try (Reader r = t.getReader()) {
                for (int k; (k = r.read(buf)) > 0; ) {
                    sb.append(buf, 0, k);
                }
            }
            return sb.length();
        }
        long n = 0;
        if (body instanceof Multipart mp) {
            for (Entity e : mp.getBodyParts()) {
                n += text(e.getBody());
            }
        }
        return n;
    }
}
