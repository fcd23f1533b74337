package org.mailbridge.daemon;

import java.util.LinkedHashMap;
import java.util.Map;

import org.mailbridge.config.Config;
import org.mailbridge.config.Domain;
import org.mailbridge.config.Protocol;
import org.mailbridge.publish.Amqp091Publisher;
import org.mailbridge.publish.JmsPublisher;
import org.mailbridge.publish.Publisher;

/** One publisher per domain, of the domain's protocol. */
final class Publishers {
    private Publishers() {
    }

    static Map<String, Publisher> create(Config config) {
        Map<String, Publisher> out = new LinkedHashMap<>();
        for (Domain d : config.domains()) {
            out.put(d.name(), d.protocol() == Protocol.AMQP_0_9_1
                    ? new Amqp091Publisher(d, config.daemon().publishTimeout())
                    : new JmsPublisher(d, config.daemon().publishTimeout()));
        }
        return out;
    }
}
