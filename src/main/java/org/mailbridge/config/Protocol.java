package org.mailbridge.config;

/** The wire protocol a domain is published with. */
public enum Protocol {
    /** AMQP 1.0 through Apache Qpid JMS: the default. */
    AMQP_1_0("amqp-1.0"),
    /** AMQP 0-9-1 through RabbitMQ's Java client: exactly what fedora-messaging publishes. */
    AMQP_0_9_1("amqp-0-9-1");

    private final String id;

    Protocol(String id) {
        this.id = id;
    }

    /** The name used in the configuration file. */
    public String id() {
        return id;
    }

    /** Looks a protocol up by its configuration name. */
    public static Protocol byId(String id) throws ConfigException {
        for (Protocol p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new ConfigException("unknown protocol '" + id + "' (expected amqp-1.0 or amqp-0-9-1)");
    }
}
