package org.mailbridge.daemon;

import java.util.List;

import org.mailbridge.event.Event;
import org.mailbridge.metrics.BridgeMetrics;
import org.mailbridge.publish.PublishException;
import org.mailbridge.publish.Publisher;

/** A domain's publisher that reports confirms in flight, publish latency and failures. */
final class MeteredPublisher implements Publisher {
    private final String domain;
    private final Publisher inner;
    private final BridgeMetrics metrics;

    MeteredPublisher(String domain, Publisher inner, BridgeMetrics metrics) {
        this.domain = domain;
        this.inner = inner;
        this.metrics = metrics;
    }

    @Override
    public void publish(List<Event> events) throws PublishException {
        long start = System.nanoTime();
        boolean ok = false;
        metrics.sending(domain, events.size());
        try {
            inner.publish(events);
            ok = true;
        } catch (PublishException e) {
            metrics.publishFailed(domain, e.scope().name().toLowerCase(java.util.Locale.ROOT));
            throw e;
        } finally {
            metrics.confirmed(domain, events.size(), (System.nanoTime() - start) / 1e9, ok);
        }
    }

    @Override
    public void connect() throws PublishException {
        inner.connect();
    }

    @Override
    public boolean connected() {
        return inner.connected();
    }

    @Override
    public void close() {
        inner.close();
    }
}
