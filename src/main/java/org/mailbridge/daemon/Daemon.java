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
import org.mailbridge.metrics.BridgeMetrics;
import org.mailbridge.metrics.MetricsServer;
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
    /** At most this long a stop waits for the mail in flight; what is left is published again at the next start. */
    private static final Duration STOP_DRAIN = Duration.ofSeconds(10);

    private final Config config;
    private final Spool spool;
    private final FileChannel lock;
    private final Optional<EmbeddedBroker> broker;
    private final Interpreter interpreter;
    private final Dispatcher dispatcher;
    private final Map<String, Publisher> publishers;
    private final Pipeline pipeline;
    private final Window window;
    private final CrashLedger crashes;
    private final Monitor monitor;
    private final BridgeMetrics metrics;
    private final Optional<MetricsServer> metricsServer;
    private final SpoolWatcher watcher;
    private final Backoff backoff;
    private final HeldMail held;
    private final Intakes intakes;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    private Daemon(Config config, Spool spool, FileChannel lock, Optional<EmbeddedBroker> broker,
                   Interpreter interpreter, Map<String, Publisher> publishers, CrashLedger crashes, Clock clock)
            throws IOException, DaemonException {
        this.config = config;
        this.spool = spool;
        this.lock = lock;
        this.broker = broker;
        this.interpreter = interpreter;
        this.publishers = publishers;
        this.metrics = new BridgeMetrics(spool, this::domainStates, clock);
        Map<String, Publisher> metered = new LinkedHashMap<>();
        publishers.forEach((name, p) -> metered.put(name, new MeteredPublisher(name, p, metrics)));
        this.dispatcher = new Dispatcher(new Router(config.domains(),
                config.topicPrefix() + "." + config.environment() + "."), metered);
        this.pipeline = new Pipeline(spool, crashes, interpreter, dispatcher, config.archive(), MAX_REFUSALS, clock);
        this.crashes = crashes;
        this.held = new HeldMail(config.daemon().retryMax());
        this.monitor = new Monitor(new StateFile(spool.root()), clock, SpoolNames.host(), this::domainLabels,
                config.status().quiet(), () -> held.count(System.nanoTime()));
        this.watcher = new SpoolWatcher(spool.newDir());
        this.backoff = new Backoff(config.daemon().retryMin(), config.daemon().retryMax());
        this.metricsServer = startMetrics(config, metrics);
        metricsServer.ifPresent(m -> LOG.info("{}", LogFmt.msg("metrics endpoint listening")
                .kv("url", "http://" + config.metrics().listen().get().getHostString() + ":" + m.port() + "/metrics")));
        this.intakes = new Intakes(config.intake(), spool);
        this.nextSweep = System.nanoTime() + config.daemon().sweepInterval().toNanos();
        // Last: its senders start connecting at once, and nothing after this may fail.
        this.window = new Window(pipeline, metered, config.daemon().window(), config.daemon().workerThreads(),
                config.daemon().probeInterval(), config.daemon().retryMax().multipliedBy(2), this::finished);
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
        } catch (ConfigException | DaemonException | RuntimeException e) {
            broker.ifPresent(EmbeddedBroker::close);
            closeQuietly(lock);
            throw e;
        }
    }

    private static Optional<MetricsServer> startMetrics(Config config, BridgeMetrics metrics) throws DaemonException {
        if (config.metrics().listen().isEmpty()) {
            return Optional.empty();
        }
        java.net.InetSocketAddress at = config.metrics().listen().get();
        try {
            return Optional.of(MetricsServer.start(metrics, at));
        } catch (IOException e) {
            throw new DaemonException("metrics.listen " + at.getHostString() + ":" + at.getPort() + ": " + e.getMessage(), e);
        }
    }

    private static Config withEmbeddedUrl(Config c, String url) {
        return c.withDomains(c.domains().stream().map(d -> d.embedded() ? d.withUrl(url) : d).toList());
    }

    /**
     * Runs until {@link #stop()}: claims waiting mail in spool order into the {@link Window} as
     * fast as it has room, and returns once the mail in flight is settled (or the grace period
     * is over; what is left is published again at the next start). Nothing but a stop ends it:
     * spool I/O errors and broker outages are logged and waited out.
     */
    public void run() {
        running = true;
        try {
            while (!stopping()) {
                tick();
                if (!window.anyDomainUsable()) {
                    // No broker to send to: claiming would only read mail to set it aside again.
                    // Wait for a lane's probe to get through (it wakes us); a probe interval at most, so the heartbeat goes on.
                    monitor.domainsMayHaveChanged();
                    window.awaitUsable(config.daemon().probeInterval(), this::stopping);
                    continue;
                }
                monitor.domainsMayHaveChanged();
                Duration backOff = safeCycle();
                if (backOff == null) {
                    watcher.await(config.daemon().pollInterval());
                } else if (!backOff.isZero()) {
                    stopRequested.await(backOff.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            window.stop(STOP_DRAIN.compareTo(config.daemon().publishTimeout()) < 0 ? STOP_DRAIN
                    : config.daemon().publishTimeout());
            monitor.write();
            stopped.countDown();
        }
    }

    private boolean stopping() {
        return stopRequested.getCount() == 0;
    }

    private volatile boolean running;
    private long nextBeat;
    private long nextSweep;

    /** Heartbeats and the periodic sweep, also while the claimer waits for room in the window. */
    private void tick() {
        long now = System.nanoTime();
        if (now - nextBeat >= 0) {
            monitor.write();
            nextBeat = now + HEARTBEAT.toNanos();
        }
        if (now - nextSweep >= 0) {
            sweep();
            nextSweep = now + config.daemon().sweepInterval().toNanos();
        }
    }

    /** One cycle; a failure of the spool itself (not of one mail) is logged and backed off, never fatal. */
    private Duration safeCycle() throws InterruptedException {
        try {
            Duration d = cycle();
            backoff.reset();
            return d;
        } catch (IOException | RuntimeException e) {
            monitor.diskError(e.toString());
            Duration wait = backoff.fail();
            LOG.error("{}", LogFmt.msg("spool error").kv("retry_in_ms", wait.toMillis()).kv("err", e.toString()), e);
            return wait;
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
     * Claims what waits in {@code new/}, oldest first, into the window.
     *
     * @return null when there was nothing to do, zero to look again at once
     */
    private Duration cycle() throws IOException, InterruptedException {
        List<SpoolEntry> waiting = spool.waiting();
        boolean worked = false;
        for (SpoolEntry e : waiting) {
            if (stopping()) {
                break;
            }
            if (window.relist()) {
                return Duration.ZERO; // held mail is back: it goes before what came after it
            }
            if (held.held(e.name(), System.nanoTime()) || window.blocked(e.name())) {
                continue;
            }
            if (!window.acquire(this::stopping, this::tick)) {
                break;
            }
            Optional<SpoolEntry> claimed = spool.claim(e);
            if (claimed.isEmpty()) {
                window.unused();
                continue;
            }
            worked = true;
            if (crashes.suspect(e.name())) {
                LOG.info("{}", LogFmt.msg("working alone on a mail that was in hand at a crash").kv("name", e.name()));
                window.submitAlone(claimed.get(), this::stopping, this::tick);
            } else {
                window.submit(claimed.get());
            }
        }
        return worked ? Duration.ZERO : null;
    }

    /** A mail left the window: counters, status, and mail set aside for a local failure. */
    private void finished(SpoolEntry claimed, Outcome o) {
        monitor.record(claimed.name(), o);
        OutcomeLabels.count(metrics, o);
        if (o instanceof Outcome.Held h) {
            held.hold(claimed.name(), System.nanoTime());
            monitor.diskError(h.error().toString());
        }
    }

    /** Whether each domain can take mail (up, or in probation after an outage). */
    private Map<String, Boolean> domainStates() {
        return DomainLane.State.connected(domainLabels());
    }

    /** Each domain's sender state ({@code up}, {@code probation}, {@code down}). */
    private Map<String, String> domainLabels() {
        if (window == null) {
            Map<String, String> m = new LinkedHashMap<>();
            publishers.keySet().forEach(name -> m.put(name, DomainLane.State.DOWN.label())); // still starting
            return m;
        }
        return window.domainStates();
    }

    /** The intakes this daemon runs, started. */
    public List<Intake> intakes() {
        return intakes.list();
    }

    /** The embedded broker, when the daemon runs one. */
    public Optional<EmbeddedBroker> broker() {
        return broker;
    }

    /** The port of the metrics endpoint, when one is configured. */
    public Optional<Integer> metricsPort() {
        return metricsServer.map(MetricsServer::port);
    }

    /**
     * Asks {@link #run()} to finish after the message in hand. The intakes stop first, and this
     * returns only once they have: no message is acknowledged to a sender after the daemon began
     * to stop, and every one acknowledged is already in {@code new/}, for this run or the next.
     */
    public void stop() {
        intakes.stop(INTAKE_GRACE);
        stopRequested.countDown();
        if (window != null) {
            window.wake();
        }
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
        if (running) {
            try {
                awaitStopped(STOP_DRAIN.plusSeconds(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        window.close();
        dispatcher.close();
        metricsServer.ifPresent(MetricsServer::close);
        broker.ifPresent(EmbeddedBroker::close);
        // Marked before the lock goes: status never sees a free lock beside a "running" state
        // from a daemon that stopped cleanly.
        monitor.markStopped();
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
