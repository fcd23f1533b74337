package org.mailbridge.daemon;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.mailbridge.broker.EmbeddedBroker;
import org.mailbridge.config.Config;
import org.mailbridge.config.ConfigException;
import org.mailbridge.intake.Intake;
import org.mailbridge.log.LogFmt;
import org.mailbridge.pipeline.Interpreter;
import org.mailbridge.pipeline.Interpreters;
import org.mailbridge.pipeline.Outcome;
import org.mailbridge.pipeline.Pipeline;
import org.mailbridge.publish.Dispatcher;
import org.mailbridge.publish.PublishException;
import org.mailbridge.publish.Publisher;
import org.mailbridge.publish.Router;
import org.mailbridge.spool.CrashLedger;
import org.mailbridge.spool.Disk;
import org.mailbridge.spool.Spool;
import org.mailbridge.spool.SpoolEntry;
import org.mailbridge.spool.SpoolNames;
import org.mailbridge.status.StateFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-running bridge: watches the spool, runs each message through the {@link Pipeline},
 * backs off while brokers are unreachable (messages wait in {@code new/}), and stops cleanly:
 * {@link #stop()} lets the message in hand finish, and one interrupted by a crash is found in
 * {@code cur/} and retried at the next start.
 */
public final class Daemon implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(10);
    private static final int MAX_REFUSALS = 3;
    private static final Duration INTAKE_GRACE = Duration.ofSeconds(20);

    private final Config config;
    private final Spool spool;
    private final FileChannel lock;
    private final Optional<EmbeddedBroker> broker;
    private final Interpreter interpreter;
    private final Dispatcher dispatcher;
    private final Map<String, Publisher> publishers;
    private final Pipeline pipeline;
    private final Monitor monitor;
    private final SpoolWatcher watcher;
    private final Backoff backoff;
    private final HeldMail held;
    private final Intakes intakes;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    private Daemon(Config config, Spool spool, FileChannel lock, Optional<EmbeddedBroker> broker,
                   Interpreter interpreter, Map<String, Publisher> publishers, CrashLedger crashes, Clock clock)
            throws IOException {
        this.config = config;
        this.spool = spool;
        this.lock = lock;
        this.broker = broker;
        this.interpreter = interpreter;
        this.publishers = publishers;
        this.dispatcher = new Dispatcher(new Router(config.domains(),
                config.topicPrefix() + "." + config.environment() + "."), publishers);
        this.pipeline = new Pipeline(spool, crashes, interpreter, dispatcher, config.archive(), MAX_REFUSALS, clock);
        this.held = new HeldMail(config.daemon().retryMax());
        this.monitor = new Monitor(new StateFile(spool.root()), clock, SpoolNames.host(), this::domainStates,
                () -> held.count(System.nanoTime()));
        this.watcher = new SpoolWatcher(spool.newDir());
        this.backoff = new Backoff(config.daemon().retryMin(), config.daemon().retryMax());
        this.intakes = new Intakes(config.intake(), spool);
    }

    /**
     * Prepares a daemon: takes the spool lock, loads the parsers, starts the embedded broker when
     * no domain is configured, and recovers messages a previous run left in {@code cur/}.
     */
    public static Daemon start(Config config, Clock clock) throws ConfigException, DaemonException {
        return start(config, clock, Disk.REAL);
    }

    /** As {@link #start(Config, Clock)}, with the spool's file-system edge given (tests make it fail). */
    static Daemon start(Config config, Clock clock, Disk disk) throws ConfigException, DaemonException {
        Spool spool = new Spool(config.spool(), disk);
        FileChannel lock;
        try {
            spool.ensureLayout();
            lock = spool.lockForDaemon().orElseThrow(() -> new DaemonException(
                    "another daemon is running on spool " + spool.root()));
        } catch (IOException e) {
            throw new DaemonException("spool " + spool.root() + " is not usable: " + e.getMessage(), e);
        }
        Optional<EmbeddedBroker> broker = Optional.empty();
        try {
            Interpreter interpreter = Interpreters.create(config, clock);
            Config effective = config;
            if (config.usesEmbeddedBroker()) {
                EmbeddedBroker b = EmbeddedBroker.start(config.embeddedBrokerPort(), List.of("default"),
                        config.embeddedBrokerWorkDir());
                broker = Optional.of(b);
                effective = withEmbeddedUrl(config, b.url());
                LOG.info("{}", LogFmt.msg("embedded broker listening").kv("url", b.url())
                        .kv("consume", "mailbridge consume --url " + b.url() + " 'org.fedoraproject.#'"));
            }
            Map<String, Publisher> publishers = Publishers.create(effective);
            CrashLedger ledger = new CrashLedger(spool);
            int recovered = Recovery.run(spool, ledger, clock);
            int swept = spool.sweepTmp(config.daemon().tmpMaxAge());
            Daemon d = new Daemon(effective, spool, lock, broker, interpreter, publishers, ledger, clock);
            try {
                d.intakes.start();
            } catch (DaemonException e) {
                d.close();
                throw e;
            }
            LOG.info("{}", LogFmt.msg("daemon started").kv("spool", spool.root()).kv("parsers",
                    interpreter.parsers().size()).kv("recovered", recovered).kv("swept_tmp", swept)
                    .kv("intakes", String.join(",", d.intakes.list().stream().map(Intake::name).toList())));
            return d;
        } catch (EmbeddedBroker.BrokerStartException e) {
            closeQuietly(lock);
            throw new DaemonException(e.getMessage(), e);

        } catch (IOException e) {
            broker.ifPresent(EmbeddedBroker::close);
            closeQuietly(lock);
            throw new DaemonException("spool " + spool.root() + ": " + e.getMessage(), e);
        } catch (ConfigException | RuntimeException e) {
            broker.ifPresent(EmbeddedBroker::close);
            closeQuietly(lock);
            throw e;
        }
    }

    private static Config withEmbeddedUrl(Config c, String url) {
        return c.withDomains(c.domains().stream().map(d -> d.embedded() ? d.withUrl(url) : d).toList());
    }

    /**
     * Runs until {@link #stop()}; returns when the message in hand is settled. Nothing but a
     * stop ends it: spool I/O errors and broker outages are logged and waited out.
     */
    public void run() {
        long nextBeat = 0;
        long nextAttempt = 0;
        long nextProbe = 0;
        long nextSweep = System.nanoTime() + config.daemon().sweepInterval().toNanos();
        try {
            while (stopRequested.getCount() > 0) {
                long now = System.nanoTime();
                if (now - nextBeat >= 0) {
                    monitor.write();
                    nextBeat = now + HEARTBEAT.toNanos();
                }
                if (now - nextSweep >= 0) {
                    sweep();
                    nextSweep = now + config.daemon().sweepInterval().toNanos();
                }
                if (now - nextAttempt < 0) {
                    if (now - nextProbe >= 0) {
                        nextProbe = now + config.daemon().probeInterval().toNanos();
                        if (probe()) {
                            nextAttempt = now;
                            continue;
                        }
                    }
                    // Backing off; wake for heartbeats and probes so that status can tell waiting from dead.
                    long wake = Math.min(nextAttempt - now, Math.min(nextBeat - now, nextProbe - now));
                    stopRequested.await(Math.max(wake, 1), TimeUnit.NANOSECONDS);
                    continue;
                }
                Duration backOff = safeCycle();
                if (backOff == null) {
                    watcher.await(config.daemon().pollInterval());
                } else if (!backOff.isZero()) {
                    nextAttempt = System.nanoTime() + backOff.toNanos();
                    nextProbe = System.nanoTime() + config.daemon().probeInterval().toNanos();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            monitor.write();
            stopped.countDown();
        }
    }

    /** One cycle; a failure of the spool itself (not of one mail) is logged and backed off, never fatal. */
    private Duration safeCycle() {
        try {
            return cycle();
        } catch (IOException | RuntimeException e) {
            monitor.diskError(e.toString());
            Duration wait = backoff.fail();
            LOG.error("{}", LogFmt.msg("spool error").kv("retry_in_ms", wait.toMillis()).kv("err", e.toString()), e);
            return wait;
        }
    }

    /** Whether every broker can be reached now: the back-off can end early. */
    private boolean probe() {
        try {
            dispatcher.connectAll();
            LOG.info("{}", LogFmt.msg("broker reachable again"));
            return true;
        } catch (PublishException e) {
            return false;
        }
    }

    private void sweep() {
        try {
            int n = spool.sweepTmp(config.daemon().tmpMaxAge());
            if (n > 0) {
                LOG.info("{}", LogFmt.msg("swept tmp").kv("files", n));
            }
        } catch (IOException e) {
            LOG.warn("{}", LogFmt.msg("sweep failed").kv("err", e.toString()));
        }
    }

    /**
     * Connects if needed, then works through {@code new/} once.
     *
     * @return null when there was nothing to do, zero to go on at once, or how long to back off
     */
    private Duration cycle() throws IOException {
        try {
            dispatcher.connectAll();
        } catch (PublishException e) {
            Duration wait = backoff.fail();
            LOG.warn("{}", LogFmt.msg("broker unavailable").kv("domain", e.domain()).kv("retry_in_ms", wait.toMillis())
                    .kv("err", e.getMessage()));
            return wait;
        }
        List<SpoolEntry> waiting = spool.waiting();
        boolean worked = false;
        for (SpoolEntry e : waiting) {
            if (stopRequested.getCount() == 0) {
                break;
            }
            if (held.held(e.name(), System.nanoTime())) {
                continue;
            }
            Optional<SpoolEntry> claimed = spool.claim(e);
            if (claimed.isEmpty()) {
                continue;
            }
            worked = true;
            Outcome o = pipeline.process(claimed.get());
            monitor.record(o);
            if (o instanceof Outcome.Held h) {
                held.hold(e.name(), System.nanoTime());
                monitor.diskError(h.error().toString());
                continue;
            }
            if (o instanceof Outcome.Retry r && r.error().scope() == PublishException.Scope.CONNECTION) {
                return backoff.fail();
            }
            backoff.reset();
        }
        return worked ? Duration.ZERO : null;
    }

    private Map<String, Boolean> domainStates() {
        Map<String, Boolean> m = new LinkedHashMap<>();
        publishers.forEach((name, p) -> m.put(name, p.connected()));
        return m;
    }

    /** The intakes this daemon runs, started. */
    public List<Intake> intakes() {
        return intakes.list();
    }

    /** The embedded broker, when the daemon runs one. */
    public Optional<EmbeddedBroker> broker() {
        return broker;
    }

    /**
     * Asks {@link #run()} to finish after the message in hand. The intakes stop first, and this
     * returns only once they have: no message is acknowledged to a sender after the daemon began
     * to stop, and every one acknowledged is already in {@code new/}, for this run or the next.
     */
    public void stop() {
        intakes.stop(INTAKE_GRACE);
        stopRequested.countDown();
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.debug("msg=\"watcher close failed\"");
        }
    }

    /** Waits for {@link #run()} to return. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        stop();
        dispatcher.close();
        broker.ifPresent(EmbeddedBroker::close);
        closeQuietly(lock);
        LOG.info("{}", LogFmt.msg("daemon stopped").kv("spool", spool.root()));
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // releasing a lock on the way out
        }
    }
}
