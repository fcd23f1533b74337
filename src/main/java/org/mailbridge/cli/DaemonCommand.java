package org.mailbridge.cli;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.mailbridge.config.Config;
import org.mailbridge.config.ConfigException;
import org.mailbridge.daemon.Daemon;
import org.mailbridge.daemon.DaemonException;
import org.mailbridge.exit.ExitCode;

import picocli.CommandLine.Command;

/** {@code mailbridge daemon}: the long-running bridge. */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = {"Run the bridge: watch the spool, parse, publish, retry, quarantine.",
            "With no [domains.*] configured it starts an embedded Qpid Broker-J on 127.0.0.1 "
                + "(port embedded_broker.port, default 5673) and says where it listens.",
            "Stops cleanly on SIGTERM: the message in hand is finished, nothing is lost."})
final class DaemonCommand extends BaseCommand {
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    @Override
    protected ExitCode execute() throws ConfigException {
        Config config = config();
        Daemon daemon;
        try {
            daemon = Daemon.start(config, Clock.systemUTC());
        } catch (DaemonException e) {
            err().println("mailbridge daemon: " + e.getMessage());
            return ExitCode.UNAVAILABLE;
        }
        // SIGTERM runs this hook; the JVM halts when it returns, so it waits until the main
        // thread has settled the message in hand and closed the connections.
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            daemon.stop();
            try {
                closed.await(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "mailbridge-shutdown"));
        try {
            daemon.run();
        } finally {
            try {
                daemon.close();
            } finally {
                closed.countDown(); // whatever close threw: the hook must not wait out its grace for nothing
            }
        }
        return ExitCode.OK;
    }

    @Override
    protected List<ExitCode> exitCodes() {
        return List.of(ExitCode.OK, ExitCode.USAGE, ExitCode.UNAVAILABLE, ExitCode.SOFTWARE, ExitCode.IO_ERROR,
                ExitCode.CONFIG);
    }
}
