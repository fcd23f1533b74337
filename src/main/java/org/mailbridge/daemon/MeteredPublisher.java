package org.mailbridge.daemon;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.mailbridge.event.Event;
import org.mailbridge.metrics.BridgeMetrics;
import org.mailbridge.publish.Confirms;
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
    public CompletableFuture<Void> send(List<Event> events) {
        long start = System.nanoTime();
        metrics.sending(domain, events.size());
        return inner.send(events).whenComplete((ok, error) -> {
            if (error != null) {
                metrics.publishFailed(domain, Confirms.unwrap(error, domain).scope().name()
                        .toLowerCase(java.util.Locale.ROOT));
            }
            metrics.confirmed(domain, events.size(), (System.nanoTime() - start) / 1e9, error == null);
        });
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
