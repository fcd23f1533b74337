package org.mailbridge.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.mailbridge.api.Bus;
import org.mailbridge.api.BusBuilder;
import org.mailbridge.api.BusException;
import org.mailbridge.api.EventHandler;
import org.mailbridge.api.Subscription;
import org.mailbridge.config.ConfigException;
import org.mailbridge.event.Event;
import org.mailbridge.event.EventJson;
import org.mailbridge.exit.ExitCode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mailbridge consume}: a tail of the bus, for operators, built on {@link Bus#subscribe}. */
@Command(name = "consume", mixinStandardHelpOptions = true,
        description = {"Subscribe to topic patterns on a broker and print each event (topic, id, headers, body) as one",
            "JSON line, in the format of 'parse'. AMQP 1.0 or 0-9-1, as the domain says; default broker: the first",
            "configured domain, or the embedded broker. On AMQP 0-9-1 the queue is server-named, exclusive and",
            "auto-delete (nothing is left on the broker), or the named durable one given with --queue.",
            "An event that fails its schema is printed too, with a warning on stderr.",
            "When the connection dies it exits 69, or with --reconnect subscribes again."})
final class ConsumeCommand extends BaseCommand {
    private static final Duration RETRY_MAX = Duration.ofSeconds(30);

    @Parameters(paramLabel = "TOPIC_PATTERN", arity = "0..*", description = "Binding patterns (default: '#').")
    List<String> patterns = List.of("#");

    @Option(names = "--url", paramLabel = "URL", description = "Broker URL (Qpid JMS syntax; amqp://host/vhost for 0-9-1).")
    String url;

    @Option(names = "--protocol", paramLabel = "P", description = "With --url: amqp-1.0 (default) or amqp-0-9-1.")
    String protocol;

    @Option(names = "--domain", paramLabel = "NAME", description = "Use this configured domain's URL, TLS and credentials.")
    String domainName;

    @Option(names = "--broker", paramLabel = "KIND", description = "With --url: qpid-broker-j or rabbitmq.")
    String broker;

    @Option(names = "--queue", paramLabel = "NAME", description = "AMQP 0-9-1: read this named durable queue (it stays).")
    String queue;

    @Option(names = "--count", paramLabel = "N", description = "Exit after N events.")
    int count;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Exit after this many seconds (default: never).")
    long timeoutSeconds;

    @Option(names = "--reconnect", description = "When the connection dies (or cannot be made), keep trying instead of exiting 69.")
    boolean reconnect;

    @Override
    protected ExitCode execute() throws ConfigException {
        Instant deadline = timeoutSeconds > 0 ? Instant.now().plusSeconds(timeoutSeconds) : Instant.MAX;
        BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
        EventHandler handler = new EventHandler() {
            @Override
            public void onEvent(Event e) {
                inbox.add(e);
            }

            @Override
            public void onInvalid(Event e, String problem) {
                inbox.add(new Invalid(e, problem));
            }

            @Override
            public void onConnectionLost(Exception cause) {
                inbox.add(cause);
            }
        };
        int seen = 0;
        Duration retry = Duration.ofSeconds(1);
        boolean tried = false;
        try (Bus bus = bus()) {
            // The broker is always tried once: a start-up slower than --timeout must not pass for
            // a broker that answered and sent nothing (75) when it may not be there at all (69).
            while (!tried || (!over(deadline) && (count <= 0 || seen < count))) {
                tried = true;
                try (Subscription s = bus.subscribe(patterns, handler)) {
                    err().println("consuming " + patterns + " from " + bus.domain().url() + " ("
                            + bus.domain().protocol().id() + ")");
                    err().flush();
                    retry = Duration.ofSeconds(1);
                    Object lost = null;
                    while (lost == null && !over(deadline) && (count <= 0 || seen < count)) {
                        Object o = inbox.poll(Math.min(1000, left(deadline)), TimeUnit.MILLISECONDS);
                        if (o instanceof Exception ex) {
                            lost = ex;
                        } else if (o != null) {
                            print(o);
                            seen++;
                        }
                    }
                    if (lost == null) {
                        break;
                    }
                    err().println("mailbridge consume: connection lost: " + ((Exception) lost).getMessage());
                } catch (BusException e) {
                    err().println("mailbridge consume: broker unavailable at " + bus.domain().url() + ": "
                            + e.getMessage());
                }
                err().flush();
                if (!reconnect) {
                    return ExitCode.UNAVAILABLE;
                }
                err().println("mailbridge consume: reconnecting in " + retry.toSeconds() + "s");
                err().flush();
                Thread.sleep(Math.min(retry.toMillis(), left(deadline)));
                retry = retry.multipliedBy(2).compareTo(RETRY_MAX) > 0 ? RETRY_MAX : retry.multipliedBy(2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return count > 0 && seen < count ? ExitCode.TEMP_FAIL : ExitCode.OK;
    }

    /** An event that failed its schema: printed, and said so on stderr. */
    private record Invalid(Event event, String problem) {
    }

    private void print(Object o) {
        Event e = o instanceof Invalid i ? i.event() : (Event) o;
        if (o instanceof Invalid i) {
            err().println("mailbridge consume: invalid event " + e.id() + ": " + i.problem());
            err().flush();
        }
        out().println(EventJson.line(e));
        out().flush();
    }

    private Bus bus() throws ConfigException {
        BusBuilder b = Bus.builder().timeout(Duration.ofSeconds(30));
        if (queue != null) {
            b.queue(queue);
        }
        if (url != null) {
            b.url(url);
            if (protocol != null) {
                b.protocol(protocol);
            }
            if (broker != null) {
                b.broker(broker);
            }
            return b.build();
        }
        return b.config(config()).domain(domainName).build();
    }

    private static boolean over(Instant deadline) {
        return !Instant.now().isBefore(deadline);
    }

    private static long left(Instant deadline) {
        return deadline == Instant.MAX ? Long.MAX_VALUE : Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
    }

    @Override
    protected List<ExitCode> exitCodes() {
        return List.of(ExitCode.OK, ExitCode.USAGE, ExitCode.UNAVAILABLE, ExitCode.TEMP_FAIL, ExitCode.CONFIG);
    }
}
