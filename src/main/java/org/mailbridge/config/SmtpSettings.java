package org.mailbridge.config;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The daemon's SMTP listener, {@code [intake.smtp]}.
 *
 * @param listen address and port to bind (default {@code 127.0.0.1:2525}; port 0 picks one)
 * @param hostname the name in the greeting and in {@code Received:}
 * @param recipients the addresses served, as patterns ({@code bugs@bridge.example.org},
 *     {@code *@bridge.example.org}); others get {@code 550}. Empty means every recipient, which is
 *     only allowed on a loopback address
 * @param maxMessageSize larger messages get {@code 552}
 * @param maxConnections connections open at once, over all clients
 * @param maxConnectionsPerClient connections open at once from one client address
 * @param maxRecipients RCPT TO per message
 * @param maxMessagesPerSecond messages accepted per second over all clients; more get {@code 451}
 * @param timeout how long a connection may sit idle
 * @param tls the certificate and key offered with STARTTLS, if any
 * @param requireTls refuse MAIL before STARTTLS
 * @param auth the one account that may AUTH, if any; when set, AUTH is required
 */
public record SmtpSettings(InetSocketAddress listen, String hostname, List<String> recipients, long maxMessageSize,
                           int maxConnections, int maxConnectionsPerClient, int maxRecipients,
                           int maxMessagesPerSecond, Duration timeout, Optional<TlsFiles> tls, boolean requireTls,
                           Optional<Account> auth) {
    public SmtpSettings {
        recipients = List.copyOf(recipients);
    }

    /**
     * A server certificate.
     *
     * @param certFile PEM certificate chain
     * @param keyFile PEM private key
     */
    public record TlsFiles(Path certFile, Path keyFile) {
    }

    /**
     * A login, whose password is read from its file when needed and never logged.
     *
     * @param username the user name
     * @param passwordFile the file holding the password
     */
    public record Account(String username, Path passwordFile) {
    }
}
