package org.mailbridge.publish;

import java.time.Duration;

import org.apache.qpid.jms.JmsConnectionFactory;
import org.mailbridge.config.BrokerKind;
import org.mailbridge.config.Domain;

/** Qpid JMS connection factories for a domain, with the settings every connection needs. */
public final class JmsConnections {
    private JmsConnections() {
    }

    /**
     * A factory for the domain. The defaults are set first and the URL last, so that
     * {@code jms.*} options written in the URL win.
     */
    public static JmsConnectionFactory factory(Domain domain, Duration timeout) {
        JmsConnectionFactory f = new JmsConnectionFactory();
        long ms = timeout.toMillis();
        // Without a request timeout a refused link attach hangs for ever.
        f.setRequestTimeout(ms);
        f.setSendTimeout(ms);
        f.setConnectTimeout(ms);
        f.setCloseTimeout(Math.min(ms, 5000));
        // fedora-messaging's "sent-at" header is not a Java identifier.
        f.setValidatePropertyNames(false);
        if (!domain.username().isEmpty()) {
            f.setUsername(domain.username());
            f.setPassword(domain.password());
        }
        String url = domain.broker() == BrokerKind.RABBITMQ ? rabbitVhost(domain.url()) : domain.url();
        if (domain.caFile().isPresent() || domain.certFile().isPresent()) {
            f.setSslContext(TlsContexts.fromPem(domain.caFile(), domain.certFile(), domain.keyFile()));
            if (domain.certFile().isPresent()) {
                url = withOption(url, "amqp.saslMechanisms", "EXTERNAL");
            }
        }
        f.setRemoteURI(url);
        return f;
    }

    /**
     * RabbitMQ's AMQP 1.0 plugin takes the vhost from the open frame's hostname, written
     * {@code vhost:<name>}; Qpid JMS ignores a URL path. So {@code amqp://host/%2Fpubsub} (the
     * vhost in the path, as for AMQP 0-9-1) becomes {@code amqp://host?amqp.vhost=vhost:/pubsub}.
     */
    static String rabbitVhost(String url) {
        if (url.startsWith("failover:")) {
            return url;
        }
        java.net.URI u = java.net.URI.create(url);
        String path = u.getPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return url;
        }
        String vhost = java.net.URLDecoder.decode(u.getRawPath().substring(1), java.nio.charset.StandardCharsets.UTF_8);
        String base = u.getScheme() + "://" + u.getRawAuthority() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        return withOption(base, "amqp.vhost", "vhost:" + vhost);
    }

    /** Adds a transport option unless the URL already sets it; failover URLs need the nested prefix. */
    static String withOption(String url, String key, String value) {
        boolean failover = url.startsWith("failover:");
        String k = failover ? "failover.nested." + key : key;
        if (url.contains(k + "=")) {
            return url;
        }
        int q = failover ? url.indexOf('?', url.lastIndexOf(')')) : url.indexOf('?');
        return url + (q >= 0 ? "&" : "?") + k + "=" + value;
    }
}
