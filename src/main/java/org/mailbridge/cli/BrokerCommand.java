package org.mailbridge.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

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
            "one in-memory virtual host per configured domain (or 'default'). A TEST broker: messages are kept in",
            "memory only and lost when it stops or is killed, although it confirms them as durable.",
            "Runs until interrupted (Ctrl-C, SIGTERM)."})
final class BrokerCommand extends BaseCommand {
    @Option(names = "--port", paramLabel = "PORT", description = "Port (default: embedded_broker.port, 5673; 0 picks a free one).")
    Integer port;

    @Option(names = "--vhost", paramLabel = "NAME", description = "Virtual host; repeat for several (default: one per domain).")
    List<String> vhosts = new ArrayList<>();

    @Override
    protected ExitCode execute() throws ConfigException {
        Config config = config();
        List<String> hosts = new ArrayList<>(vhosts);
        if (hosts.isEmpty()) {
            config.domains().stream().map(Domain::name).forEach(hosts::add);
        }
        EmbeddedBroker broker;
        try {
            broker = EmbeddedBroker.start(port != null ? port : config.embeddedBrokerPort(), hosts,
                    config.embeddedBrokerWorkDir());
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
                + "; select one with ?amqp.vhost=NAME)");
        out().flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK;
    }

    @Override
    protected List<ExitCode> exitCodes() {
        return List.of(ExitCode.OK, ExitCode.USAGE, ExitCode.UNAVAILABLE, ExitCode.CONFIG);
    }
}
