package org.mailbridge.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.jms.JMSException;

import org.mailbridge.config.BrokerKind;
import org.mailbridge.config.Config;
import org.mailbridge.config.ConfigException;
import org.mailbridge.config.Domain;
import org.mailbridge.consume.EventConsumer;
import org.mailbridge.event.Event;
import org.mailbridge.event.EventJson;
import org.mailbridge.exit.ExitCode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mailbridge consume}: a tail of the bus, for operators. */
@Command(name = "consume", mixinStandardHelpOptions = true,
        description = {"Subscribe to topic patterns on a broker (AMQP 1.0) and print each event as one JSON line,",
            "in the format of 'parse'. Default broker: the first configured domain, or the embedded broker.",
            "Exits 75 when --count events did not arrive within --timeout."})
final class ConsumeCommand extends BaseCommand {
    @Parameters(paramLabel = "TOPIC_PATTERN", arity = "0..*", description = "Binding patterns (default: '#').")
    List<String> patterns = List.of("#");

    @Option(names = "--url", paramLabel = "URL", description = "Broker URL (Qpid JMS syntax).")
    String url;

    @Option(names = "--domain", paramLabel = "NAME", description = "Use this configured domain's broker and credentials.")
    String domainName;

    @Option(names = "--broker", paramLabel = "KIND", description = "qpid-broker-j or rabbitmq, with --url (default: qpid-broker-j).")
    String broker;

    @Option(names = "--count", paramLabel = "N", description = "Exit after N events.")
    int count;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Exit after this many seconds (default: never).")
    long timeoutSeconds;

    @Override
    protected ExitCode execute() throws ConfigException {
        Domain d = domain();
        Instant deadline = timeoutSeconds > 0 ? Instant.now().plusSeconds(timeoutSeconds) : Instant.MAX;
        int seen = 0;
        try (EventConsumer c = EventConsumer.open(d, patterns, Duration.ofSeconds(30))) {
            err().println("consuming " + patterns + " from " + d.url());
            while (count <= 0 || seen < count) {
                Duration left = Duration.between(Instant.now(), deadline);
                if (left.isNegative() || left.isZero()) {
                    break;
                }
                Optional<Event> e = c.next(left.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : left);
                if (e.isPresent()) {
                    out().println(EventJson.line(e.get()));
                    out().flush();
                    seen++;
                }
            }
        } catch (JMSException e) {
            err().println("mailbridge consume: broker unavailable at " + d.url() + ": " + e.getMessage());
            return ExitCode.UNAVAILABLE;
        } catch (java.io.IOException e) {
            err().println("mailbridge consume: a message is not a JSON event: " + e.getMessage());
            return ExitCode.DATA_ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return count > 0 && seen < count ? ExitCode.TEMP_FAIL : ExitCode.OK;
    }

    private Domain domain() throws ConfigException {
        if (url != null) {
            BrokerKind kind = broker == null ? BrokerKind.QPID : BrokerKind.byId(broker);
            return Domain.plain("cli", url, kind, false);
        }
        Config config = config();
        for (Domain d : config.domains()) {
            if (domainName == null || d.name().equals(domainName)) {
                return d;
            }
        }
        throw new ConfigException("no domain named '" + domainName + "'");
    }

    @Override
    protected List<ExitCode> exitCodes() {
        return List.of(ExitCode.OK, ExitCode.USAGE, ExitCode.DATA_ERROR, ExitCode.UNAVAILABLE, ExitCode.TEMP_FAIL,
                ExitCode.CONFIG);
    }
}
