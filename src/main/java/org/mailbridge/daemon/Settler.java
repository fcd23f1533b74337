package org.mailbridge.daemon;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import org.mailbridge.log.LogFmt;
import org.mailbridge.pipeline.Outcome;
import org.mailbridge.pipeline.Pipeline;
import org.mailbridge.pipeline.Routed;
import org.mailbridge.publish.PublishException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles mails once their brokers have answered, on a thread of its own: the answers arrive on
 * the client libraries' I/O threads, which must never wait for a disk. Confirmed mails are
 * settled in batches (whatever has arrived since the last batch), so that an archive's directory
 * is synced once per batch; a mail is only ever handed here after all its confirmations.
 */
final class Settler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Settler.class);
    private static final int BATCH = 512;

    /** What the settler is given: a mail every broker answered for, or one to set aside. */
    private sealed interface Task permits Answered, Held {
    }

    private record Answered(Shipment shipment) implements Task {
    }

    private record Held(Routed routed, PublishException why) implements Task {
    }

    private final Pipeline pipeline;
    private final BiConsumer<Routed, Outcome> finished;
    private final LinkedBlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closing;

    /**
     * @param finished told each mail's outcome, after it is settled
     */
    Settler(Pipeline pipeline, BiConsumer<Routed, Outcome> finished) {
        this.pipeline = pipeline;
        this.finished = finished;
        this.thread = new Thread(this::run, "mailbridge-settle");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Every domain answered for the mail. */
    void answered(Shipment s) {
        queue.add(new Answered(s));
    }

    /** The mail cannot go now (its domain is down): back to {@code new/}, without sending. */
    void setAside(Routed r, PublishException why) {
        queue.add(new Held(r, why));
    }

    private void run() {
        List<Task> batch = new ArrayList<>(BATCH);
        while (true) {
            try {
                Task first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                settle(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) { // NOPMD: a bug here must not stop settling; the mail stays in cur/
                LOG.error("{}", LogFmt.msg("settle error").kv("err", e.toString()), e);
            } finally {
                batch.clear();
            }
        }
    }

    private void settle(List<Task> batch) {
        List<Routed> confirmed = new ArrayList<>(batch.size());
        for (Task t : batch) {
            if (t instanceof Answered a && a.shipment().error() == null) {
                confirmed.add(a.shipment().routed());
            }
        }
        if (!confirmed.isEmpty()) {
            List<Outcome> outcomes = pipeline.confirmedAll(confirmed);
            for (int i = 0; i < confirmed.size(); i++) {
                finished.accept(confirmed.get(i), outcomes.get(i));
            }
        }
        for (Task t : batch) {
            if (t instanceof Answered a && a.shipment().error() != null) {
                Routed r = a.shipment().routed();
                finished.accept(r, pipeline.failed(r, a.shipment().error()));
            } else if (t instanceof Held h) {
                finished.accept(h.routed(), pipeline.failed(h.routed(), h.why()));
            }
        }
    }

    /** Settles what is queued, then stops. */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
