package org.mailbridge.parse;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.function.Consumer;

import org.mailbridge.spi.Mail;
import org.mailbridge.spi.MailParser;
import org.mailbridge.spi.ParseOutcome;

/**
 * Runs plugin parsers with a time bound, as the rules' regular-expression budget bounds rule
 * files: a plugin is code the bridge did not write, and one that loops on a hostile mail must
 * cost that mail (quarantined as {@code parser-error}), not a daemon worker. Built-in parsers
 * run on the caller's thread; their reading is bounded by construction.
 *
 * <p>Calls run on a small pool of daemon threads. A call past its time is cancelled (its thread
 * interrupted) and the caller goes on; a plugin that ignores interruption keeps its thread, and
 * when every thread is stuck, later plugin calls wait in the queue and time out too, so the
 * problem shows as {@code parser-error} quarantines naming the plugin, never as a hang.
 *
 * <p>A plugin that is asked by one thread at a time waits for its turn on a pool thread, within
 * the same bound: the bound is on the answer the caller waits for, however it is spent.
 */
final class TimedCalls implements AutoCloseable {
    /**
     * The daemon asks from one worker per core, one plugin call each at a time; twice that leaves
     * room for calls stuck past their bound before a healthy call has to queue.
     */
    private static final int THREADS = Math.max(8, 2 * Runtime.getRuntime().availableProcessors());

    private final Duration limit;
    private final ThreadPoolExecutor pool;

    TimedCalls(Duration limit) {
        this.limit = limit;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "plugin-parse-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /** The bound. */
    Duration limit() {
        return limit;
    }

    /**
     * Asks {@code parser} about {@code mail} within the bound.
     *
     * @param turn held during the call when the parser is asked by one thread at a time, else null
     * @param explain receives the parser's explanation lines until the call returns or times out;
     *     null to ask without one
     * @throws TimeoutException when the bound passed
     * @throws ExecutionException with what the parser threw
     */
    ParseOutcome parse(MailParser parser, Lock turn, Mail mail, Consumer<String> explain)
            throws TimeoutException, ExecutionException {
        AtomicBoolean open = new AtomicBoolean(true);
        Consumer<String> guarded = explain == null ? null : line -> {
            if (open.get()) {
                explain.accept(line);
            }
        };
        Future<ParseOutcome> f = pool.submit(() -> {
            if (turn == null) {
                return ParserRegistry.ask(parser, mail, guarded);
            }
            // Interruptible: a call that timed out while waiting gives up its place in the queue.
            turn.lockInterruptibly();
            try {
                return ParserRegistry.ask(parser, mail, guarded);
            } finally {
                turn.unlock();
            }
        });
        try {
            return f.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted while waiting for the parser");
        } finally {
            open.set(false);
            f.cancel(true);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
