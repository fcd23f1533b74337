package org.mailbridge.daemon;

import java.time.Clock;
import java.time.Duration;

import org.mailbridge.config.Config;

/** A daemon running on a thread of the test JVM, stopped as the real one is on SIGTERM. */
final class RunningDaemon implements AutoCloseable {
    private final Daemon daemon;
    private final Thread thread;

    private RunningDaemon(Daemon daemon) {
        this.daemon = daemon;
        this.thread = new Thread(daemon::run, "test-daemon");
        thread.start();
    }

    static RunningDaemon start(Config config) throws Exception {
        return new RunningDaemon(Daemon.start(config, Clock.systemUTC()));
    }

    /** A daemon whose spool writes sidecars through {@code disk}. */
    static RunningDaemon start(Config config, org.mailbridge.spool.Disk disk) throws Exception {
        return new RunningDaemon(Daemon.start(config, Clock.systemUTC(), disk));
    }

    Daemon daemon() {
        return daemon;
    }

    @Override
    public void close() throws Exception {
        daemon.stop();
        if (!daemon.awaitStopped(Duration.ofSeconds(30))) {
            throw new AssertionError("daemon did not stop within 30 s");
        }
        thread.join(5000);
        daemon.close();
    }
}
