package org.mailbridge.daemon;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

import org.mailbridge.event.Event;
import org.mailbridge.log.LogFmt;
import org.mailbridge.pipeline.Outcome;
import org.mailbridge.pipeline.Pipeline;
import org.mailbridge.pipeline.Prepared;
import org.mailbridge.pipeline.Routed;
import org.mailbridge.publish.PublishException;
import org.mailbridge.publish.Publisher;
import org.mailbridge.spool.SpoolEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's engine: a bounded window of mails in flight. The claimer {@link #submit}s claimed
 * mails in spool order; a pool of workers (one per core) reads and parses them in parallel; a
 * sequencer hands the routed mails on strictly in claim order, so that events of one source
 * (the same bug, the same repository) keep their spool order on the wire whatever order the
 * parsing finished in; each domain's {@link DomainLane} sends without waiting; the
 * {@link Settler} settles a mail only once every event of it is confirmed.
 *
 * <p>The window is a count of mails, not bytes: what a mail holds in memory once parsed is its
 * events, which the parsers' text caps bound. A mail leaves the window when it is settled, back
 * in {@code new/} or in quarantine.
 */
final class Window implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Window.class);

    private final Pipeline pipeline;
    private final int size;
    private final Semaphore slots;
    private final ExecutorService workers;
    private final Map<String, DomainLane> lanes = new LinkedHashMap<>();
    /** Signalled when a domain comes up (or the daemon stops): what {@link #awaitUsable} waits on. */
    private final Object usable = new Object();
    private final DomainHolds holds;
    private final Settler settler;
    private final BiConsumer<SpoolEntry, Outcome> report;
    private final TreeMap<Long, Routed> parsed = new TreeMap<>();
    private static final Routed NOTHING = null;
    private long nextSeq;
    private long nextToSend;

    /**
     * @param report told every mail's outcome once it has left the window (counters, status)
     */
    Window(Pipeline pipeline, Map<String, Publisher> publishers, int size, int workerThreads,
           Duration probeInterval, Duration staleHold, BiConsumer<SpoolEntry, Outcome> report) {
        this.pipeline = pipeline;
        this.size = size;
        this.slots = new Semaphore(size);
        this.report = report;
        this.holds = new DomainHolds(staleHold);
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(workerThreads, r -> {
            Thread t = new Thread(r, "mailbridge-parse-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.settler = new Settler(pipeline, (r, o) -> finish(r.claimed(), o));
        publishers.forEach((name, p) -> lanes.put(name, new DomainLane(name, p, probeInterval, d -> {
            holds.lift(d, System.nanoTime());
            wake();
        })));
        lanes.values().forEach(DomainLane::start);
    }

    /**
     * Waits for room for one more mail.
     *
     * @param stop when to give up waiting
     * @param tick run while waiting (heartbeats)
     * @return whether a slot was taken
     */
    boolean acquire(BooleanSupplier stop, Runnable tick) throws InterruptedException {
        while (!slots.tryAcquire(200, TimeUnit.MILLISECONDS)) {
            if (stop.getAsBoolean()) {
                return false;
            }
            tick.run();
        }
        return true;
    }

    /** Gives back a slot taken for a mail that was not submitted after all (another claimed it). */
    void unused() {
        slots.release();
    }

    /**
     * Puts a claimed mail into the window (a slot must have been taken). Called by one thread,
     * in spool order.
     */
    void submit(SpoolEntry claimed) {
        long seq;
        synchronized (parsed) {
            seq = nextSeq++;
        }
        workers.execute(() -> work(seq, claimed));
    }

    /**
     * Runs one mail through the window with nothing else in flight, and waits for it: for a mail
     * that was in hand when a daemon died, so that if it kills this one too, the crash ledger
     * blames it alone. It is marked as the mail worked on alone only once the window is empty
     * ({@link Pipeline#processAlone}): a death while the window drains blames no one.
     */
    void submitAlone(SpoolEntry claimed, BooleanSupplier stop, Runnable tick) throws InterruptedException {
        slots.release();
        if (!drain(stop, tick)) {
            return;
        }
        slots.acquireUninterruptibly(size);
        try {
            report(claimed, pipeline.processAlone(claimed));
        } finally {
            slots.release(size);
        }
    }

    private void work(long seq, SpoolEntry claimed) {
        Prepared p = null;
        try {
            p = pipeline.prepare(claimed);
        } catch (RuntimeException | Error e) { // NOPMD: prepare guards each mail; this is a bug, and the mail stays in cur/
            LOG.error("{}", LogFmt.msg("internal error, mail left in cur/ for the next start")
                    .kv("name", claimed.name()).kv("err", e.toString()), e);
            slots.release();
        }
        if (p instanceof Prepared.Done d) {
            finish(claimed, d.outcome());
        }
        // Every claimed mail passes the sequencer, sent or not, so that the next one is not kept waiting.
        sequenced(seq, p instanceof Routed r ? r : NOTHING);
    }

    /** The sequencer: mails go on to their domains strictly in claim order. */
    private void sequenced(long seq, Routed routed) {
        synchronized (parsed) {
            parsed.put(seq, routed);
            while (!parsed.isEmpty() && parsed.firstKey() == nextToSend) {
                Routed r = parsed.pollFirstEntry().getValue();
                nextToSend++;
                if (r != null) {
                    dispatch(r);
                }
            }
        }
    }

    private void dispatch(Routed r) {
        long now = System.nanoTime();
        String name = r.claimed().name();
        for (String d : r.shares().keySet()) {
            DomainLane lane = lanes.get(d);
            if (!lane.usable()) {
                settler.setAside(r, new PublishException(PublishException.Scope.CONNECTION, d,
                        "domain " + d + " is down; held until its broker answers", null));
                return;
            }
            if (holds.mustWait(name, d, now)) {
                settler.setAside(r, new PublishException(PublishException.Scope.CONNECTION, d,
                        "held behind earlier mail of domain " + d + " that is still to go", null));
                return;
            }
        }
        holds.gone(name, now);
        Shipment s = new Shipment(r, settler::answered);
        for (Map.Entry<String, List<Event>> share : r.shares().entrySet()) {
            lanes.get(share.getKey()).enqueue(s, share.getValue());
        }
    }

    /** A mail left the window. */
    private void finish(SpoolEntry claimed, Outcome o) {
        try {
            report(claimed, o);
        } finally {
            slots.release();
        }
    }

    private void report(SpoolEntry claimed, Outcome o) {
        long now = System.nanoTime();
        if (o instanceof Outcome.Retry r && r.error().scope() == PublishException.Scope.CONNECTION
                && lanes.containsKey(r.error().domain())) {
            String d = r.error().domain();
            holds.setAside(claimed.name(), d, lanes.get(d).usable(), now);
        } else if (!(o instanceof Outcome.Retry) && !(o instanceof Outcome.Held)) {
            holds.gone(claimed.name(), now);
        }
        try {
            report.accept(claimed, o);
        } catch (RuntimeException e) { // NOPMD: counters must not stop the window
            LOG.error("{}", LogFmt.msg("report error").kv("err", e.toString()), e);
        }
    }

    /** Whether the claimer must skip the message (its domain is down, or it waits behind others). */
    boolean blocked(String name) {
        return holds.blocked(name);
    }

    /** Whether held mail became claimable: the claimer starts over from the oldest. */
    boolean relist() {
        return holds.takeRelist();
    }

    /**
     * Waits until some domain can take mail, for at most {@code max}; whether one can. Returns as
     * soon as a lane's probe gets through (or {@link #wake} is called), so that mail waiting at
     * start-up goes out the moment the first broker answers, not a probe interval later.
     */
    boolean awaitUsable(Duration max, BooleanSupplier stop) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        synchronized (usable) {
            while (!anyDomainUsable() && !stop.getAsBoolean()) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(usable, left);
            }
        }
        return anyDomainUsable();
    }

    /** Wakes {@link #awaitUsable}: a domain came up, or the daemon is stopping. */
    void wake() {
        synchronized (usable) {
            usable.notifyAll();
        }
    }

    /** Whether any domain can take mail now (while none can, nothing is claimed). */
    boolean anyDomainUsable() {
        for (DomainLane l : lanes.values()) {
            if (l.usable()) {
                return true;
            }
        }
        return false;
    }

    /** Mails in the window now (all of it while a mail goes alone). */
    int inFlight() {
        return size - slots.availablePermits();
    }

    /** Each domain's state ({@code up}, {@code probation}, {@code down}). */
    Map<String, String> domainStates() {
        Map<String, String> m = new LinkedHashMap<>();
        lanes.forEach((n, l) -> m.put(n, l.state().label()));
        return m;
    }

    /** Each domain's mail in flight and held back. */
    Map<String, Integer> domainBacklog() {
        Map<String, Integer> held = holds.counts();
        Map<String, Integer> m = new LinkedHashMap<>();
        lanes.forEach((n, l) -> m.put(n, l.backlog() + held.getOrDefault(n, 0)));
        return m;
    }

    /** Waits until the window is empty; false if stopped first. */
    boolean drain(BooleanSupplier stop, Runnable tick) throws InterruptedException {
        while (slots.availablePermits() < size) {
            if (stop.getAsBoolean()) {
                return false;
            }
            tick.run();
            Thread.sleep(5);
        }
        return true;
    }

    /**
     * Stops: waits up to {@code grace} for the mails in flight to be answered and settled, then
     * drops the connections (what is still unconfirmed goes back to {@code new/}, or stays in
     * {@code cur/} for the next start; either way it is published again, never lost).
     */
    void stop(Duration grace) {
        long until = System.nanoTime() + grace.toNanos();
        try {
            drain(() -> System.nanoTime() - until > 0, () -> { });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdown();
        lanes.values().forEach(DomainLane::close);
        settler.close();
        int left = size - slots.availablePermits();
        if (left > 0) {
            LOG.warn("{}", LogFmt.msg("stopped with mail in flight; it is published again at the next start")
                    .kv("mails", left));
        }
    }

    @Override
    public void close() {
        stop(Duration.ZERO);
    }
}
