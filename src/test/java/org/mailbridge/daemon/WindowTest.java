package org.mailbridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.Config;
import org.mailbridge.consume.EventConsumer;
import org.mailbridge.event.Event;
import org.mailbridge.pipeline.Interpreters;
import org.mailbridge.pipeline.Outcome;
import org.mailbridge.pipeline.Pipeline;
import org.mailbridge.publish.Dispatcher;
import org.mailbridge.publish.JmsPublisher;
import org.mailbridge.publish.PublishException;
import org.mailbridge.publish.Publisher;
import org.mailbridge.publish.Router;
import org.mailbridge.spool.Spool;
import org.mailbridge.spool.SpoolEntry;
import org.mailbridge.testing.FixedClock;
import org.mailbridge.testing.TestBroker;
import org.mailbridge.testing.TestConfigs;
import org.mailbridge.testing.TestMail;
import org.mailbridge.testing.WrappedPublisher;

/**
 * The window's promises, against the embedded broker: a mail is settled only after its
 * confirmations, and a refusal fails only the mail it concerns. The publishers here are the
 * real Qpid JMS one behind a gate on its confirmations (the broker edge, held shut by the test)
 * or behind a broker that refuses one named mail.
 */
class WindowTest {
    @TempDir
    Path dir;

    private Spool spool;
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();

    /** Holds every confirmation of the real publisher until {@link #open()}. */
    static final class GatedPublisher extends WrappedPublisher {
        private final CompletableFuture<Void> gate = new CompletableFuture<>();
        private final CountDownLatch confirmedByBroker;
        private volatile boolean armed;

        GatedPublisher(Publisher inner, int expected) {
            super(inner);
            this.confirmedByBroker = new CountDownLatch(expected);
        }

        @Override
        public CompletableFuture<Void> send(List<Event> events) {
            if (!armed) {
                return inner.send(events);
            }
            return inner.send(events).thenCompose(ok -> {
                confirmedByBroker.countDown();
                return gate;
            });
        }

        /** From now on, confirmations wait for {@link #open}. */
        void arm() {
            armed = true;
        }

        void open() {
            gate.complete(null);
        }

        boolean awaitBroker(Duration d) throws InterruptedException {
            return confirmedByBroker.await(d.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The real publisher, but the broker "refuses" events of mails whose subject names them. */
    static final class RefusingPublisher extends WrappedPublisher {
        private final String refused;

        RefusingPublisher(Publisher inner, String refused) {
            super(inner);
            this.refused = refused;
        }

        @Override
        public CompletableFuture<Void> send(List<Event> events) {
            if (events.stream().anyMatch(e -> ("test " + refused).equals(e.body().get("subject")))) {
                return CompletableFuture.failedFuture(new PublishException(PublishException.Scope.MESSAGE, "main",
                        "broker refused: rejected", null));
            }
            return inner.send(events);
        }
    }

    private Config config() throws Exception {
        return TestConfigs.write(dir, TestConfigs.toml(dir.resolve("spool"), TestBroker.get().url()));
    }

    private Window window(Config c, Publisher publisher) throws Exception {
        spool = new Spool(c.spool());
        spool.ensureLayout();
        Map<String, Publisher> publishers = Map.of("main", publisher);
        Dispatcher d = new Dispatcher(new Router(c.domains(), "org.fedoraproject." + c.environment() + "."), publishers);
        Pipeline p = new Pipeline(spool, Interpreters.create(c, FixedClock.CLOCK), d, false, 3, FixedClock.CLOCK);
        return new Window(p, publishers, 64, 4, Duration.ofMillis(100), Duration.ofMinutes(1),
                (claimed, o) -> outcomes.put(claimed.name(), o));
    }

    private void submitAll(Window w, int n, String prefix) throws Exception {
        submitAll(w, 0, n, prefix);
    }

    private void submitAll(Window w, int from, int n, String prefix) throws Exception {
        for (int i = from; i < from + n; i++) {
            SpoolFiles.put(spool.root(), "new", i, TestMail.plain(prefix + i).bytes());
        }
        for (SpoolEntry e : spool.waiting()) {
            assertThat(w.acquire(() -> false, () -> { })).isTrue();
            w.submit(spool.claim(e).orElseThrow());
        }
    }

    private static boolean await(java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    @Test
    void noMailIsSettledBeforeItsConfirmations() throws Exception {
        Config c = config();
        int n = 20;
        GatedPublisher gated = new GatedPublisher(new JmsPublisher(c.domains().get(0), Duration.ofSeconds(10)), n);
        try (EventConsumer consumer = SpoolFiles.consumer(c, TestBroker.get().url());
             Window w = window(c, gated)) {
            assertThat(await(() -> w.anyDomainUsable())).isTrue();
            // After connecting, a domain sends its first mail alone (probation), and stays on
            // probation until that mail's confirmation: let that one through.
            assertThat(w.domainStates()).containsEntry("main", "probation");
            submitAll(w, 0, 1, "first-");
            assertThat(await(() -> outcomes.size() == 1)).isTrue();
            assertThat(await(() -> "up".equals(w.domainStates().get("main")))).isTrue();
            assertThat(outcomes.values()).allMatch(o -> o instanceof Outcome.Published);
            outcomes.clear();
            gated.arm();
            submitAll(w, 1, n, "gated-");
            assertThat(gated.awaitBroker(Duration.ofSeconds(30))).as("the broker took all %d", n).isTrue();
            assertThat(SpoolFiles.subjects(consumer, n + 1, Duration.ofSeconds(30))).hasSize(n + 1);
            // Every event is at the consumer, but the confirmations are held: nothing may be settled.
            Thread.sleep(300);
            assertThat(outcomes).isEmpty();
            assertThat(spool.claimed()).hasSize(n);
            assertThat(w.inFlight()).isEqualTo(n);
            gated.open();
            assertThat(await(() -> outcomes.size() == n)).isTrue();
            assertThat(outcomes.values()).allMatch(o -> o instanceof Outcome.Published);
            assertThat(spool.claimed()).isEmpty();
            assertThat(spool.waiting()).isEmpty();
            assertThat(w.inFlight()).isZero();
        }
    }

    @Test
    void aRefusedMailFailsAloneAndTheOthersArePublished() throws Exception {
        Config c = config();
        int n = 30;
        RefusingPublisher refusing = new RefusingPublisher(new JmsPublisher(c.domains().get(0), Duration.ofSeconds(10)),
                "bad-7");
        try (EventConsumer consumer = SpoolFiles.consumer(c, TestBroker.get().url());
             Window w = window(c, refusing)) {
            assertThat(await(() -> w.anyDomainUsable())).isTrue();
            submitAll(w, n, "bad-");
            assertThat(await(() -> outcomes.size() == n)).isTrue();
            Set<String> got = SpoolFiles.subjects(consumer, n - 1, Duration.ofSeconds(30));
            assertThat(got).hasSize(n - 1).doesNotContain("test bad-7");
            String refusedName = SpoolFiles.name(7);
            assertThat(outcomes.get(refusedName)).isInstanceOfSatisfying(Outcome.Retry.class,
                    r -> assertThat(r.error().scope()).isEqualTo(PublishException.Scope.MESSAGE));
            assertThat(outcomes.entrySet()).filteredOn(e -> !e.getKey().equals(refusedName))
                    .allMatch(e -> e.getValue() instanceof Outcome.Published);
            // The refused one is back in new/ for its next try; the domain stays up.
            assertThat(spool.waiting()).extracting(SpoolEntry::name).containsExactly(refusedName);
            assertThat(Files.list(spool.root().resolve("cur")).count()).isZero();
            assertThat(w.domainStates()).containsEntry("main", "up");
        }
    }
}
