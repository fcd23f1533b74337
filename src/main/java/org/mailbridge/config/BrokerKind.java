package org.mailbridge.config;

/**
 * The broker product behind a domain. AMQP 1.0 brokers disagree on how to name a topic exchange
 * with a routing key, so the kind picks the default address templates.
 */
public enum BrokerKind {
    /** Apache Qpid Broker-J (and the embedded broker): {@code amq.topic/<key>}. */
    QPID("qpid-broker-j", "amq.topic/{topic}", "amq.topic/{pattern}"),
    /**
     * RabbitMQ 3.x with the AMQP 1.0 plugin: {@code /exchange/amq.topic/<key>}. A bare key would
     * land in a new queue of that name; {@code amq.topic/<key>} makes RabbitMQ end the session.
     */
    RABBITMQ("rabbitmq", "/exchange/amq.topic/{topic}", "/topic/{pattern}");

    private final String id;
    private final String publishAddress;
    private final String subscribeAddress;

    BrokerKind(String id, String publishAddress, String subscribeAddress) {
        this.id = id;
        this.publishAddress = publishAddress;
        this.subscribeAddress = subscribeAddress;
    }

    /** The name used in the configuration file. */
    public String id() {
        return id;
    }

    /** Default target address template; {@code {topic}} is replaced by the event topic. */
    public String publishAddress() {
        return publishAddress;
    }

    /** Source address template for {@code consume}; {@code {pattern}} is a binding pattern. */
    public String subscribeAddress() {
        return subscribeAddress;
    }

    /** Looks a kind up by its configuration name. */
    public static BrokerKind byId(String id) throws ConfigException {
        for (BrokerKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new ConfigException("unknown broker '" + id + "' (expected qpid-broker-j or rabbitmq)");
    }
}
