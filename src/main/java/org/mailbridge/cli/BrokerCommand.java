package org.mailbridge.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.mailbridge.broker.BrokerStore;
import org.mailbridge.broker.EmbeddedBroker;
import org.mailbridge.config.Config;
import org.mailbridge.config.ConfigException;
import org.mailbridge.config.Domain;
import org.mailbridge.exit.ExitCode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mailbridge broker}: the embedded broker on its own, for development and tests. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Run the embedded Apache Qpid Broker-J alone: AMQP 1.0 on 127.0.0.1, anonymous access,",
            "one virtual host per configured domain (or 'default'). Queues, bindings and durable messages are kept",
            "in a Derby store in the work directory and survive a stop or kill -9; with --memory it is a TEST",
            "broker that loses them. Runs until interrupted (Ctrl-C, SIGTERM)."})
final class BrokerCommand extends BaseCommand {
    @Option(names = "--port", paramLabel = "PORT", description = "Port (default: embedded_broker.port, 5673; 0 picks a free one).")
    Integer port;

    @Option(names = "--vhost", paramLabel = "NAME", description = "Virtual host; repeat for several (default: one per domain).")
    List<String> vhosts = new ArrayList<>();

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Where the store lives (default: embedded_broker.work_dir, <data dir>/broker).")
    Path workDir;

    @Option(names = "--memory", description = "Keep messages in memory only: a test broker that loses them when it stops.")
    boolean memory;

    @Override
    protected ExitCode execute() throws ConfigException {
        if (memory && workDir != null) {
            err().println("mailbridge broker: --memory and --work-dir exclude each other");
            return ExitCode.USAGE;
        }
        Config config = config();
        List<String> hosts = new ArrayList<>(vhosts);
        if (hosts.isEmpty()) {
            config.domains().stream().map(Domain::name).forEach(hosts::add);
        }
        EmbeddedBroker broker;
        BrokerStore store;
        try {
            store = memory ? new BrokerStore.Memory()
                    : new BrokerStore.Derby(workDir != null ? workDir : config.embeddedBrokerWorkDir());
            broker = EmbeddedBroker.start(port != null ? port : config.embeddedBrokerPort(), hosts, store);
        } catch (EmbeddedBroker.BrokerStartException e) {
            err().println("mailbridge broker: " + e.getMessage());
            return ExitCode.UNAVAILABLE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "broker-shutdown"));
        out().println("listening on " + broker.url() + " (virtual hosts: " + String.join(", ", hosts)
                + "; select one with ?amqp.vhost=NAME; store: " + describe(store) + ")");
        out().flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK;
    }

    private static String describe(BrokerStore store) {
        return store instanceof BrokerStore.Derby d ? "derby in " + d.workDir() : "memory, lost when it stops";
    }

    @Override
    protected List<ExitCode> exitCodes() {
        return List.of(ExitCode.OK, ExitCode.USAGE, ExitCode.UNAVAILABLE, ExitCode.CONFIG);
    }
}
