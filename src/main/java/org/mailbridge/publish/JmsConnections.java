package org.mailbridge.publish;

import java.time.Duration;

import org.apache.qpid.jms.JmsConnectionFactory;
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
        String url = domain.url();
        if (domain.caFile().isPresent() || domain.certFile().isPresent()) {
            f.setSslContext(TlsContexts.fromPem(domain.caFile(), domain.certFile(), domain.keyFile()));
            if (domain.certFile().isPresent()) {
                url = withOption(url, "amqp.saslMechanisms", "EXTERNAL");
            }
        }
        f.setRemoteURI(url);
        return f;
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
