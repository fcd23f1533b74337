package org.mailbridge.bench;

import java.nio.file.Path;

/**
 * A broker and the protocol the bridge speaks to it: what the daemon's domain says, what the raw
 * publisher sends with, and how the arrivals are counted.
 *
 * @param label the name in the table
 * @param kind the broker and protocol
 * @param host broker host (loopback)
 * @param port broker port
 */
record Target(String label, Kind kind, String host, int port) {
    /** The broker and protocol. */
    enum Kind {
        /** The embedded Qpid Broker-J (in its own process), AMQP 1.0 through Qpid JMS. */
        BROKER_J_10,
        /** RabbitMQ's AMQP 1.0 plugin, through Qpid JMS. */
        RABBITMQ_10,
        /** RabbitMQ over AMQP 0-9-1, through RabbitMQ's Java client with publisher confirms. */
        RABBITMQ_091
    }

    boolean rabbit() {
        return kind != Kind.BROKER_J_10;
    }

    String url() {
        return "amqp://" + host + ":" + port;
    }

    /** The AMQP 1.0 target address of a topic on this broker. */
    String address(String topic) {
        return kind == Kind.RABBITMQ_10 ? "/exchange/amq.topic/" + topic : "amq.topic/" + topic;
    }

    /** The {@code [domains.bench]} section of a daemon configuration for this target. */
    String domainToml(Path passwordFile) {
        return switch (kind) {
            case BROKER_J_10 -> "[domains.bench]\nurl = \"" + url() + "\"\nbroker = \"qpid-broker-j\"\n";
            case RABBITMQ_10 -> "[domains.bench]\nurl = \"" + url() + "\"\nbroker = \"rabbitmq\"\nusername = \"guest\"\n"
                    + "password_file = \"" + passwordFile + "\"\n";
            case RABBITMQ_091 -> "[domains.bench]\nurl = \"" + url() + "\"\nprotocol = \"amqp-0-9-1\"\n"
                    + "username = \"guest\"\npassword_file = \"" + passwordFile + "\"\n";
        };
    }
}
