package org.mailbridge.daemon;

import java.util.LinkedHashMap;
import java.util.Map;

import org.mailbridge.config.Config;
import org.mailbridge.config.ConfigException;
import org.mailbridge.config.Domain;
import org.mailbridge.config.Protocol;
import org.mailbridge.publish.Amqp091Publisher;
import org.mailbridge.publish.JmsPublisher;
import org.mailbridge.publish.Publisher;
import org.mailbridge.publish.TlsContexts;

/** One publisher per domain, of the domain's protocol. */
final class Publishers {
    private Publishers() {
    }

    /** The publishers; TLS files are read now, so that a bad one stops the start (exit 78). */
    static Map<String, Publisher> create(Config config) throws ConfigException {
        Map<String, Publisher> out = new LinkedHashMap<>();
        for (Domain d : config.domains()) {
            if (d.caFile().isPresent() || d.certFile().isPresent()) {
                try {
                    TlsContexts.fromPem(d.caFile(), d.certFile(), d.keyFile());
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("domain " + d.name() + ": " + e.getMessage(), e);
                }
            }
            out.put(d.name(), d.protocol() == Protocol.AMQP_0_9_1
                    ? new Amqp091Publisher(d, config.daemon().publishTimeout())
                    : new JmsPublisher(d, config.daemon().publishTimeout()));
        }
        return out;
    }
}
