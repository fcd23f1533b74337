package org.mailbridge.api;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.mailbridge.config.BrokerKind;
import org.mailbridge.config.Config;
import org.mailbridge.config.ConfigException;
import org.mailbridge.config.ConfigLoader;
import org.mailbridge.config.Domain;
import org.mailbridge.config.Protocol;
import org.mailbridge.event.EventFactory;
import org.mailbridge.schema.BodyValidator;
import org.mailbridge.schema.SchemaCatalog;

/**
 * How to reach the bus. Either a mailbridge configuration file ({@link #config(Path)}; its
 * {@code topic_prefix}, {@code environment} and {@code [domains.*]}, with their URLs, TLS files
 * and credentials, pick by {@link #domain(String)}), or a {@link #url(String)}. Not thread-safe.
 */
public final class BusBuilder {
    private Config config;
    private String domainName;
    private String url;
    private Protocol protocol = Protocol.AMQP_1_0;
    private BrokerKind broker;
    private String username = "";
    private String password = "";
    private String topicPrefix;
    private String environment;
    private SchemaCatalog schemas = SchemaCatalog.builtIn();
    private Duration timeout = Duration.ofSeconds(30);
    private String queue;
    private Clock clock = Clock.systemUTC();

    BusBuilder() {
    }

    /** Reads a mailbridge configuration file (the daemon's own, say). */
    public BusBuilder config(Path file) throws ConfigException {
        return config(ConfigLoader.load(Objects.requireNonNull(file, "file"), System.getenv()));
    }

    /** Uses a configuration already read. */
    public BusBuilder config(Config c) {
        this.config = Objects.requireNonNull(c, "config");
        return this;
    }

    /** Which of the configuration's domains; default: the first. */
    public BusBuilder domain(String name) {
        this.domainName = name;
        return this;
    }

    /** A broker URL instead of a configuration: Qpid JMS syntax, or {@code amqp://host/vhost} for 0-9-1. */
    public BusBuilder url(String brokerUrl) {
        this.url = brokerUrl;
        return this;
    }

    /** With {@link #url}: {@code amqp-1.0} (default) or {@code amqp-0-9-1}. */
    public BusBuilder protocol(String id) throws ConfigException {
        this.protocol = Protocol.byId(id);
        return this;
    }

    /** With {@link #url}: {@code qpid-broker-j} or {@code rabbitmq} (the default for 0-9-1). */
    public BusBuilder broker(String id) throws ConfigException {
        this.broker = BrokerKind.byId(id);
        return this;
    }

    /** With {@link #url}: SASL PLAIN credentials. */
    public BusBuilder credentials(String user, String secret) {
        this.username = user;
        this.password = secret;
        return this;
    }

    /** Overrides the first two words of every topic ({@code org.fedoraproject}, {@code prod}). */
    public BusBuilder topic(String prefix, String env) {
        this.topicPrefix = prefix;
        this.environment = env;
        return this;
    }

    /**
     * Adds the JSON Schema of a topic of your own, so that it can be published and validated. It
     * needs a versioned {@code $id} ({@code …/v1/<topic>.json}) and an
     * {@code x-fedora-messaging-schema} naming its header, like the shipped ones.
     */
    public BusBuilder schema(String topic, byte[] schemaJson) {
        this.schemas = schemas.with(topic, schemaJson);
        return this;
    }

    /** Connect, request and confirmation timeout; default 30 s. */
    public BusBuilder timeout(Duration t) {
        this.timeout = t;
        return this;
    }

    /** AMQP 0-9-1 subscriptions read this named durable queue instead of a temporary one. */
    public BusBuilder queue(String name) {
        this.queue = name;
        return this;
    }

    /** The clock of the {@code sent-at} header (tests). */
    public BusBuilder clock(Clock c) {
        this.clock = c;
        return this;
    }

    /** The bus; nothing is connected yet. */
    public Bus build() throws ConfigException {
        Domain d = url != null ? urlDomain() : configDomain();
        String prefix = topicPrefix != null ? topicPrefix : config != null ? config.topicPrefix() : "org.fedoraproject";
        String env = environment != null ? environment : config != null ? config.environment() : "prod";
        return new Bus(d, new EventFactory(prefix, env, clock), new BodyValidator(schemas), timeout,
                Optional.ofNullable(queue));
    }

    private Domain urlDomain() {
        BrokerKind kind = broker != null ? broker : protocol == Protocol.AMQP_0_9_1 ? BrokerKind.RABBITMQ : BrokerKind.QPID;
        return new Domain("api", url, protocol, kind, kind.publishAddress(), username, password, Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), List.of(), true, false);
    }

    private Domain configDomain() throws ConfigException {
        Config c = config != null ? config : ConfigLoader.load(null, System.getenv());
        for (Domain d : c.domains()) {
            if (domainName == null || d.name().equals(domainName)) {
                return d;
            }
        }
        throw new ConfigException("no domain named '" + domainName + "'");
    }
}
