package org.mailbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One process per mail, as procmail runs it: {@code bin/mailbridge deliver} on each JDK with its
 * class cache, the plain {@code java -jar}, the Python pika one-shot and an empty JVM start, run
 * in turns (one of each per round) so that a busy machine weighs on all of them alike.
 */
final class DeliverStarts {
    /** One way of handling a mail. */
    record Variant(String label, List<String> command, Map<String, String> env) {
    }

    private DeliverStarts() {
    }

    /** The variants this machine has: a JDK 25 or later, JDK 17, Python pika. */
    static List<Variant> variants(Path repo, Path jar, Path work, Path jdk17, Path jdkNewest, boolean rabbit) {
        List<Variant> v = new ArrayList<>();
        String launcher = repo.resolve("bin/mailbridge").toString();
        Path spool = work.resolve("spool");
        Map<String, String> base = Map.of("MAILBRIDGE_JAR", jar.toString(),
                "MAILBRIDGE_CACHE_DIR", work.resolve("cache").toString());
        if (jdkNewest != null) {
            v.add(new Variant("bin/mailbridge deliver, JDK " + Suite.feature(jdkNewest) + " + AOT cache",
                    List.of("sh", launcher, "deliver", "--spool", spool.toString()),
                    with(base, "MAILBRIDGE_JAVA_HOME", jdkNewest.toString())));
        }
        v.add(new Variant("bin/mailbridge deliver, JDK 17 + AppCDS",
                List.of("sh", launcher, "deliver", "--spool", spool.toString()),
                with(base, "MAILBRIDGE_JAVA_HOME", jdk17.toString())));
        v.add(new Variant("java -jar mailbridge.jar deliver, JDK 17",
                List.of(jdk17.resolve("bin/java").toString(), "-jar", jar.toString(), "deliver", "--spool", spool.toString()),
                base));
        if (rabbit) {
            v.add(new Variant("Python pika one-shot publish",
                    List.of("/usr/bin/python3", repo.resolve("bench/pika-oneshot.py").toString()), Map.of()));
        }
        for (Path jdk : jdkNewest == null ? List.of(jdk17) : List.of(jdk17, jdkNewest)) {
            v.add(new Variant("empty JVM start (java -version), JDK " + Suite.feature(jdk),
                    List.of(jdk.resolve("bin/java").toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                            "-Xms8m", "-Xmx64m", "-version"), Map.of()));
        }
        return v;
    }

    private static Map<String, String> with(Map<String, String> m, String k, String val) {
        Map<String, String> r = new LinkedHashMap<>(m);
        r.put(k, val);
        return r;
    }

    /** Median wall-clock milliseconds per run of each variant, after two warm-up runs each. */
    static Map<String, Double> run(List<Variant> variants, Path mail, int runs) throws Exception {
        Map<String, List<Double>> times = new LinkedHashMap<>();
        for (Variant v : variants) {
            times.put(v.label(), new ArrayList<>());
            once(v, mail);
            once(v, mail);
        }
        for (int r = 0; r < runs; r++) {
            for (Variant v : variants) {
                times.get(v.label()).add(once(v, mail));
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        times.forEach((k, xs) -> medians.put(k, Stats.median(xs)));
        return medians;
    }

    private static double once(Variant v, Path mail) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(v.command()).redirectInput(mail.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true);
        pb.environment().putAll(v.env());
        long start = System.nanoTime();
        Process p = pb.start();
        int rc = p.waitFor();
        double ms = (System.nanoTime() - start) / 1e6;
        if (rc != 0) {
            throw new IllegalStateException(v.label() + " exited " + rc);
        }
        return ms;
    }

    /** A 5 KB notification to deliver. */
    static Path mail(Path work) throws IOException {
        Files.createDirectories(work);
        return Files.write(work.resolve("mail.eml"), BenchMails.text("deliver@bench.example", 1, 60));
    }
}
