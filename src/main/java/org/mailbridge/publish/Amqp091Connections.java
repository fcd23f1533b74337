package org.mailbridge.publish;

import java.io.IOException;
import java.time.Duration;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultSaslConfig;

import org.mailbridge.config.Domain;

/** AMQP 0-9-1 connections for a domain: URL (its path is the vhost), credentials, TLS. */
public final class Amqp091Connections {
    private Amqp091Connections() {
    }

    /**
     * Connects. Automatic recovery is off: the daemon reconnects with its own back-off, and a
     * consumer decides itself whether to exit or reconnect.
     */
    public static Connection connect(Domain domain, Duration timeout, String clientName) throws IOException {
        try {
            ConnectionFactory f = new ConnectionFactory();
            f.setUri(domain.url());
            f.setConnectionTimeout((int) timeout.toMillis());
            f.setHandshakeTimeout((int) timeout.toMillis());
            f.setAutomaticRecoveryEnabled(false);
            if (!domain.username().isEmpty()) {
                f.setUsername(domain.username());
                f.setPassword(domain.password());
            }
            if (domain.caFile().isPresent() || domain.certFile().isPresent()) {
                f.useSslProtocol(TlsContexts.fromPem(domain.caFile(), domain.certFile(), domain.keyFile()));
                if (domain.certFile().isPresent()) {
                    f.setSaslConfig(DefaultSaslConfig.EXTERNAL);
                }
            }
            return f.newConnection(clientName);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot connect to " + domain.url() + ": " + JmsPublisher.oneLine(e), e);
        }
    }
}
