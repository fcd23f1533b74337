package org.mailbridge.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.Config;
import org.mailbridge.config.ConfigLoader;
import org.mailbridge.pipeline.Interpretation;
import org.mailbridge.pipeline.Interpreter;
import org.mailbridge.pipeline.Interpreters;
import org.mailbridge.testing.FixedClock;
import org.mailbridge.testing.PluginJars;

/**
 * The SPI's threading contract, with real plugin jars: a parser that does not declare
 * {@link org.mailbridge.spi.MailParser#threadSafe()} is never inside {@code parse} on two threads
 * at once; one that declares it is asked concurrently; every built-in parser and rule file
 * declares it.
 */
class PluginThreadingTest {
    private static final int THREADS = 4;
    private static final int MAILS_EACH = 25;

    /** Counts the callers inside parse, staying a while so that a second one would be seen. */
    private static final String SERIAL = """
            package ex;
            import org.mailbridge.spi.*;
            import java.util.*;
            import java.util.concurrent.atomic.AtomicInteger;
            public final class Serial implements MailParser {
                private static final AtomicInteger INSIDE = new AtomicInteger();
                private static final AtomicInteger MOST = new AtomicInteger();
                public String id() { return "serial"; }
                public ParseOutcome parse(Mail mail) {
                    if (!mail.subject().startsWith("SERIAL")) { return ParseOutcome.notMine(); }
                    INSIDE.incrementAndGet();
                    try {
                        for (int i = 0; i < 20_000; i++) {
                            MOST.accumulateAndGet(INSIDE.get(), Math::max);
                        }
                    } finally {
                        INSIDE.decrementAndGet();
                    }
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("most_at_once", MOST.get());
                    return new ParseOutcome.Events(List.of(EventDraft.of("serial.event", "serial.v1", body)),
                            TrustVerdict.TRUSTED);
                }
            }
            """;

    /** Answers only when a second caller is inside parse too: it cannot answer if called one at a time. */
    private static final String MEET = """
            package ex;
            import org.mailbridge.spi.*;
            import java.util.*;
            import java.util.concurrent.CyclicBarrier;
            public final class Meet implements MailParser {
                private static final CyclicBarrier BOTH = new CyclicBarrier(2);
                public String id() { return "meet"; }
                public boolean threadSafe() { return true; }
                public ParseOutcome parse(Mail mail) {
                    if (!mail.subject().startsWith("MEET")) { return ParseOutcome.notMine(); }
                    try {
                        BOTH.await();
                    } catch (Exception e) {
                        throw new IllegalStateException("no second caller came", e);
                    }
                    return new ParseOutcome.Events(List.of(EventDraft.of("meet.event", "meet.v1",
                            Map.of("subject", mail.subject()))), TrustVerdict.TRUSTED);
                }
            }
            """;

    @TempDir
    Path dir;

    private Interpreter interpreter() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJars.build(plugins.resolve("threads.jar"), Map.of("ex.Serial", SERIAL, "ex.Meet", MEET),
                List.of("ex.Serial", "ex.Meet"));
        // A generous bound: the meeting plugin waits in it only when the registry wrongly serialises it.
        Config c = ConfigLoader.parse("spool = \"" + dir.resolve("spool") + "\"\nrules_dirs = []\nplugins_dir = \""
                + plugins + "\"\n[limits]\nplugin_timeout = \"20s\"\n", dir.resolve("c.toml"), Map.of());
        return Interpreters.create(c, FixedClock.CLOCK);
    }

    private static Interpretation interpret(Interpreter in, String subject) throws Exception {
        String mail = "From: a@example.org\nSubject: " + subject + "\nMessage-ID: <" + subject.replace(' ', '.')
                + "@example.org>\n\nhi\n";
        return in.interpret(new ByteArrayInputStream(mail.getBytes(StandardCharsets.UTF_8)), line -> { });
    }

    @Test
    void aPluginThatDoesNotDeclareItselfThreadSafeIsAskedByOneThreadAtATime() throws Exception {
        Interpreter in = interpreter();
        assertThat(in.parsers()).filteredOn(lp -> lp.parser().id().equals("serial"))
                .extracting(ParserRegistry.LoadedParser::threadSafe).containsExactly(false);
        List<Interpretation> all = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<Interpretation>>> running = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                running.add(pool.submit(() -> {
                    List<Interpretation> mine = new ArrayList<>();
                    for (int i = 0; i < MAILS_EACH; i++) {
                        mine.add(interpret(in, "SERIAL " + thread + " " + i));
                    }
                    return mine;
                }));
            }
            for (Future<List<Interpretation>> f : running) {
                all.addAll(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(all).hasSize(THREADS * MAILS_EACH).allSatisfy(r -> assertThat(r)
                .isInstanceOf(Interpretation.Publishable.class));
        assertThat(all).extracting(r -> ((Interpretation.Publishable) r).events().get(0).body().get("most_at_once"))
                .as("callers inside parse at once").containsOnly(1);
    }

    @Test
    void aPluginThatDeclaresItselfThreadSafeIsAskedConcurrently() throws Exception {
        Interpreter in = interpreter();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Interpretation> one = pool.submit(() -> interpret(in, "MEET one"));
            Future<Interpretation> two = pool.submit(() -> interpret(in, "MEET two"));
            assertThat(one.get()).isInstanceOf(Interpretation.Publishable.class);
            assertThat(two.get()).isInstanceOf(Interpretation.Publishable.class);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void everyBuiltInParserAndRuleFileDeclaresItselfThreadSafe() throws Exception {
        Config c = ConfigLoader.parse("spool = \"" + dir.resolve("spool") + "\"\nplugins_dir = \"" + dir.resolve("none")
                + "\"\n", dir.resolve("c.toml"), Map.of());
        List<ParserRegistry.LoadedParser> ps = Interpreters.create(c, FixedClock.CLOCK).parsers();
        assertThat(ps).extracting(lp -> lp.parser().id()).contains("bugzilla", "git-multimail", "svn", "koji", "bodhi");
        assertThat(ps).allSatisfy(lp -> assertThat(lp.threadSafe()).as(lp.parser().id()).isTrue());
        assertThat(new GenericMailParser().threadSafe()).isTrue();
    }
}
