package org.mailbridge.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.mailbridge.event.Event;
import org.mailbridge.event.EventJson;
import org.mailbridge.spool.Envelope;
import org.mailbridge.testing.GoldenMails;

/**
 * One {@link Interpreter} is shared by the daemon's worker threads, which call
 * {@link Interpreter#interpret(Path, Optional, java.util.function.Consumer)} at the same time. Every
 * golden mail (Bugzilla, the SCMs, the rule files, the generic event, quarantines), each with and
 * without an envelope, is interpreted once on one thread for the reference, then over and over by
 * many threads at once: every answer (event ids, topics, headers,
 * bodies and the bytes to publish, or the quarantine note) must be the reference, byte for byte.
 * The threads first go through the mails in lock-step, all on the same mail at once, then each
 * in its own shuffled order, the second time without an explanation ({@link Interpreter#QUIET},
 * the daemon's way), which must not change an answer either.
 *
 * <p>Shared mutable state anywhere on that path (a cache filled lazily, a formatter, a buffer
 * kept in a field) shows here as a wrong or mixed-up answer: with a {@code StringBuilder} made
 * static in {@code Template.render} or in {@code Whitespace.squash}, this test fails.
 */
class ConcurrentInterpretationTest {
    /** More threads than the build machine's cores, so that calls interleave mid-mail. */
    private static final int THREADS = 4;
    private static final int LOCKSTEP_ROUNDS = 2;
    private static final int SHUFFLED_ROUNDS = 1;

    /** One mail, one way of handing it over, and the interpreter of its golden group. */
    private record Task(Path mail, Optional<Envelope> envelope, Interpreter interpreter) {
        /** @param quiet whether to pass {@link Interpreter#QUIET}, as the daemon does, or an explanation reader */
        String answer(boolean quiet) throws IOException {
            return describe(interpreter.interpret(mail, envelope, quiet ? Interpreter.QUIET : line -> { }));
        }

        @Override
        public String toString() {
            return mail + envelope.map(e -> " (envelope " + e.sender() + ")").orElse("");
        }
    }

    @Test
    void manyThreadsGiveTheSingleThreadedAnswersForEveryGoldenMail() throws Exception {
        List<Task> tasks = tasks();
        Map<Task, String> reference = new HashMap<>();
        for (Task t : tasks) {
            reference.put(t, t.answer(false));
        }
        assertThat(parsers(reference.values())).as("a mix of parsers and outcomes")
                .contains("bugzilla", "koji", "bodhi", "git-multimail", "mail", "quarantined", "withheld");

        Queue<String> wrong = new ConcurrentLinkedQueue<>();
        AtomicLong compared = new AtomicLong();
        // Lock-step: every thread on the same mail at the same moment, so that each line of
        // each parser runs on several threads at once; then each thread in its own order, so that
        // different parsers and outcomes overlap.
        CyclicBarrier step = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int n = 0; n < THREADS; n++) {
                Random random = new Random(n);
                running.add(pool.submit(() -> {
                    for (int round = 0; round < LOCKSTEP_ROUNDS; round++) {
                        for (Task t : tasks) {
                            step.await();
                            check(t, false, reference, wrong, compared);
                        }
                    }
                    List<Task> order = new ArrayList<>(tasks);
                    for (int round = 0; round < SHUFFLED_ROUNDS; round++) {
                        Collections.shuffle(order, random);
                        for (Task t : order) {
                            check(t, true, reference, wrong, compared);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(compared.get()).isEqualTo((long) THREADS * (LOCKSTEP_ROUNDS + SHUFFLED_ROUNDS) * tasks.size());
        assertThat(wrong).as("answers that differ from the single-threaded ones").isEmpty();
    }

    /** Compares one answer; an exception counts as a wrong answer, so no thread leaves the lock-step. */
    private static void check(Task t, boolean quiet, Map<Task, String> reference, Queue<String> wrong,
                              AtomicLong compared) {
        String got;
        try {
            got = t.answer(quiet);
        } catch (IOException | RuntimeException e) {
            got = "threw " + e;
        }
        compared.incrementAndGet();
        if (!got.equals(reference.get(t))) {
            wrong.add(t + ": " + difference(reference.get(t), got));
        }
    }

    /** Where two answers part, with a little context: whole answers are pages long. */
    private static String difference(String expected, String got) {
        int at = 0;
        while (at < expected.length() && at < got.length() && expected.charAt(at) == got.charAt(at)) {
            at++;
        }
        int from = Math.max(0, at - 80);
        return "from character " + at + "\n  expected …" + expected.substring(from, Math.min(expected.length(), at + 80))
                + "\n  got      …" + got.substring(from, Math.min(got.length(), at + 80));
    }

    /** Every golden mail, bare and with an envelope sender, with one interpreter per group. */
    private static List<Task> tasks() throws Exception {
        Map<Path, Interpreter> byGroup = new HashMap<>();
        Optional<Envelope> envelope = Optional.of(new Envelope("smtp", "bugzilla@redhat.com", List.of("bridge@example.org"),
                "192.0.2.1", "mx.example.org", null));
        List<Task> out = new ArrayList<>();
        for (Path m : GoldenMails.mails()) {
            Interpreter in = byGroup.computeIfAbsent(m.getParent(), GoldenMails::interpreter);
            out.add(new Task(m, Optional.empty(), in));
            out.add(new Task(m, envelope, in));
        }
        assertThat(out).hasSizeGreaterThan(200);
        return out;
    }

    /** All an answer says, as text: what the daemon would publish, withhold or quarantine. */
    private static String describe(Interpretation r) {
        if (r instanceof Interpretation.Publishable p) {
            StringBuilder b = new StringBuilder("published by ").append(p.parserId()).append(", ")
                    .append(p.trust().header());
            for (Event e : p.events()) {
                b.append("\n    ").append(EventJson.line(e)).append("\n    payload ")
                        .append(new String(e.payload(), StandardCharsets.UTF_8));
            }
            return b.toString();
        }
        if (r instanceof Interpretation.Withheld w) {
            return "withheld by " + w.parserId() + ": " + w.reason() + ", " + w.detail();
        }
        return "quarantined: " + ((Interpretation.Unpublishable) r).note();
    }

    private static Set<String> parsers(Iterable<String> answers) {
        Set<String> out = new TreeSet<>();
        for (String a : answers) {
            if (a.startsWith("published by ")) {
                out.add(a.substring("published by ".length(), a.indexOf(',')));
            } else {
                out.add(a.startsWith("withheld by ") ? "withheld" : "quarantined");
            }
        }
        return out;
    }
}
