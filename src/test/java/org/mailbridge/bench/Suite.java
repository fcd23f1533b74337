package org.mailbridge.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code bench/run}: every benchmark, side by side in one run, and one table of medians and
 * ratios. Options: {@code --quick} (tiny inputs, one round: CI keeps the suite working with it),
 * {@code --runs R}, {@code --mails N}, {@code --corpus DIR} (parse those .eml files as well).
 */
public final class Suite {
    private Suite() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Path work = Files.createTempDirectory("mailbridge-bench");
        Table table = new Table();
        long begun = System.nanoTime();
        String loadBefore = Machine.load();
        try (BrokerProcess broker = BrokerProcess.start(o.jar(), work.resolve("broker"))) {
            List<Target> targets = new ArrayList<>();
            targets.add(new Target("Broker-J, AMQP 1.0", Target.Kind.BROKER_J_10, "127.0.0.1", broker.port()));
            boolean rabbit = reachable("127.0.0.1", 5672);
            if (rabbit) {
                targets.add(new Target("RabbitMQ, AMQP 0-9-1", Target.Kind.RABBITMQ_091, "127.0.0.1", 5672));
                targets.add(new Target("RabbitMQ, AMQP 1.0", Target.Kind.RABBITMQ_10, "127.0.0.1", 5672));
            } else {
                System.err.println("RabbitMQ is not on 127.0.0.1:5672: its rows are left out");
            }
            new Runs(o, work, table, targets, rabbit).all();
        } finally {
            deleteTree(work);
        }
        System.out.println();
        System.out.println("mailbridge benchmarks, " + java.time.Instant.now().toString().substring(0, 16) + "Z, "
                + Machine.describe() + "; load average before " + loadBefore + ", after " + Machine.load()
                + String.format(Locale.ROOT, "; suite %.0f s", (System.nanoTime() - begun) / 1e9));
        System.out.println("command: bench/run " + String.join(" ", args).replace("--repo " + o.repo() + " ", "").replace("--repo " + o.repo(), ""));
        if (o.quick()) {
            System.out.println("--quick: tiny inputs and one round, to check that every benchmark works; the figures mean nothing");
        }
        System.out.println();
        System.out.print(table.markdown());
    }

    /** The password file the RabbitMQ domains name (guest's). */
    static Path passwordFile(Path work) throws IOException {
        Path f = work.resolve("rabbit.pass");
        if (!Files.exists(f)) {
            Files.writeString(f, "guest\n");
        }
        return f;
    }

    /** The major version in a JDK's release file, 0 if unreadable. */
    static int feature(Path jdk) {
        try {
            for (String l : Files.readAllLines(jdk.resolve("release"))) {
                if (l.startsWith("JAVA_VERSION=")) {
                    return Integer.parseInt(l.replaceAll("^JAVA_VERSION=\"?(\\d+).*", "$1"));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** The JDK under /usr/lib/jvm with the highest version at least {@code min}, or null. */
    static Path jdk(int min, int max) throws IOException {
        Path best = null;
        try (Stream<Path> s = Files.list(Path.of("/usr/lib/jvm"))) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                int f = feature(p);
                if (f >= min && f <= max && Files.isExecutable(p.resolve("bin/java"))
                        && (best == null || f > feature(best))) {
                    best = p;
                }
            }
        }
        return best;
    }

    static boolean reachable(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(f -> f.toFile().delete());
        }
    }
}
