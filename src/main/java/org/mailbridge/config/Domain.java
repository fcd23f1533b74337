package org.mailbridge.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A security domain: one broker connection (or vhost) and the events routed to it.
 *
 * @param name the table name, {@code [domains.<name>]}
 * @param url a Qpid JMS connection URI ({@code amqp://}, {@code amqps://}, {@code failover:(…)}),
 *     or an {@code amqp://}/{@code amqps://} URI for AMQP 0-9-1
 * @param protocol the wire protocol
 * @param broker the broker product, which decides the default addresses
 * @param address the AMQP 1.0 target template, with {@code {topic}}
 * @param username user name for SASL PLAIN, or empty
 * @param password the password (read from {@code password_file} when given), or empty
 * @param caFile PEM CA bundle to trust, or empty for the JVM default
 * @param certFile PEM client certificate (then SASL EXTERNAL), or empty
 * @param keyFile PEM private key of the client certificate, or empty
 * @param topics topic-suffix patterns ({@code *} one word, {@code #} any) routed here
 * @param parsers parser ids routed here
 * @param isDefault whether events no route claims go here
 * @param embedded whether this is the built-in broker started by the daemon itself
 */
public record Domain(String name, String url, Protocol protocol, BrokerKind broker, String address,
                     String username, String password, Optional<Path> caFile, Optional<Path> certFile,
                     Optional<Path> keyFile, List<String> topics, List<String> parsers, boolean isDefault,
                     boolean embedded) {
    public Domain {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        topics = List.copyOf(topics);
        parsers = List.copyOf(parsers);
    }

    /**
     * An AMQP 1.0 domain with no credentials or TLS that takes every event: the embedded broker,
     * or a broker named on the command line.
     */
    public static Domain plain(String name, String url, BrokerKind broker, boolean embedded) {
        return new Domain(name, url, Protocol.AMQP_1_0, broker, broker.publishAddress(), "", "", Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), List.of(), true, embedded);
    }

    /** The same domain at another URL (the embedded broker's, once its port is known). */
    public Domain withUrl(String newUrl) {
        return new Domain(name, newUrl, protocol, broker, address, username, password, caFile, certFile, keyFile,
                topics, parsers, isDefault, embedded);
    }

    /** Keeps the password out of logs and exception messages. */
    @Override
    public String toString() {
        return "Domain[" + name + " " + url + " " + protocol.id() + " " + broker.id() + "]";
    }
}
