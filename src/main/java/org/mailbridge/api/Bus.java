package org.mailbridge.api;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.mailbridge.config.Domain;
import org.mailbridge.config.Protocol;
import org.mailbridge.consume.Sink;
import org.mailbridge.consume.Subscriber;
import org.mailbridge.event.Event;
import org.mailbridge.event.EventFactory;
import org.mailbridge.event.UnserialisableBodyException;
import org.mailbridge.publish.Amqp091Publisher;
import org.mailbridge.publish.JmsPublisher;
import org.mailbridge.publish.PublishException;
import org.mailbridge.publish.Publisher;
import org.mailbridge.schema.BodySchema;
import org.mailbridge.schema.BodyValidator;
import org.mailbridge.spi.EventDraft;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One security domain's bus, for a service that publishes mailbridge's events itself or reads
 * them. Made by {@link #builder()}; connects on first use; thread-safe; close it when done.
 */
public final class Bus implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Bus.class);

    private final Domain domain;
    private final EventFactory factory;
    private final BodyValidator validator;
    private final Duration timeout;
    private final Optional<String> queue;
    private Publisher publisher;

    Bus(Domain domain, EventFactory factory, BodyValidator validator, Duration timeout, Optional<String> queue) {
        this.domain = domain;
        this.factory = factory;
        this.validator = validator;
        this.timeout = timeout;
        this.queue = queue;
    }

    /** A builder: the configuration file or a URL, and schemas of your own topics. */
    public static BusBuilder builder() {
        return new BusBuilder();
    }

    /** The domain this bus talks to. */
    public Domain domain() {
        return domain;
    }

    /**
     * Publishes a body under a topic suffix ({@code git.ref.update}), with the header its schema
     * names and a fresh id, and returns once the broker confirmed it.
     *
     * @throws InvalidEventException when the topic has no schema or the body fails it; nothing is sent
     */
    public Event publish(String topic, Map<String, Object> body) throws BusException {
        BodySchema s = validator.catalog().forSuffix(topic)
                .orElseThrow(() -> new InvalidEventException("topic " + topic + " has no schema"));
        return publish(EventDraft.of(topic, s.header(), body), UUID.randomUUID().toString());
    }

    /**
     * Publishes a draft (topic suffix, schema header, severity, body, users and packages, as a
     * parser makes it) under an id of your choosing: use a stable one to make a retry harmless.
     *
     * @throws InvalidEventException when the topic has no schema, the header is not the
     *     schema's, or the body fails it; nothing is sent
     */
    public Event publish(EventDraft draft, String id) throws BusException {
        Event e;
        try {
            e = factory.envelope(id, draft, factory.sentAt(), Map.of());
        } catch (UnserialisableBodyException ex) {
            throw new InvalidEventException(ex.getMessage());
        }
        Optional<String> problem = validator.problem(draft.topic(), draft.schema(), e.body());
        if (problem.isPresent()) {
            throw new InvalidEventException(problem.get());
        }
        try {
            publisher().publish(List.of(e));
        } catch (PublishException ex) {
            throw new BusException(ex.getMessage(), ex);
        }
        return e;
    }

    /** Subscribes to one binding pattern ({@code org.fedoraproject.#}, {@code *.*.git.ref.*}). */
    public Subscription subscribe(String pattern, EventHandler handler) throws BusException {
        return subscribe(List.of(pattern), handler);
    }

    /**
     * Subscribes to binding patterns. The bindings exist when this returns. Each message is
     * decoded into an {@link Event}, checked against its topic's schema and handed to the handler.
     */
    public Subscription subscribe(List<String> patterns, EventHandler handler) throws BusException {
        Sink sink = new Sink() {
            @Override
            public void accept(Event e) {
                Optional<String> problem = validator.problem(e.topic(), e.schema(), e.body());
                try {
                    if (problem.isPresent()) {
                        handler.onInvalid(e, problem.get());
                    } else {
                        handler.onEvent(e);
                    }
                } catch (RuntimeException ex) {
                    // A handler's bug must not stop the subscription (the client would close the channel).
                    LOG.warn("msg=\"event handler failed\" id={} err=\"{}\"", e.id(), ex.toString().replace('"', '\''));
                }
            }

            @Override
            public void lost(Exception cause) {
                handler.onConnectionLost(cause);
            }
        };
        try {
            Subscriber s = Subscriber.open(domain, patterns, queue, timeout, sink);
            return s::close;
        } catch (IOException ex) {
            throw new BusException(ex.getMessage(), ex);
        }
    }

    private synchronized Publisher publisher() {
        if (publisher == null) {
            publisher = domain.protocol() == Protocol.AMQP_0_9_1 ? new Amqp091Publisher(domain, timeout)
                    : new JmsPublisher(domain, timeout);
        }
        return publisher;
    }

    @Override
    public synchronized void close() {
        if (publisher != null) {
            publisher.close();
        }
    }
}
