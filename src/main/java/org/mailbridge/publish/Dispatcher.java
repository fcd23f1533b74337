package org.mailbridge.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mailbridge.config.Domain;
import org.mailbridge.event.Event;

/** Routes a mail's events to their domains and publishes each domain's share. */
public final class Dispatcher implements AutoCloseable {
    private final Router router;
    private final Map<String, Publisher> publishers;

    /**
     * @param publishers one publisher per domain name
     */
    public Dispatcher(Router router, Map<String, Publisher> publishers) {
        this.router = router;
        this.publishers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(publishers));
    }

    /**
     * Routes every event to its domain, in the events' order within each domain. All events are
     * checked before anything is sent, so a routing gap never leaves a mail half published.
     *
     * @return the events of each domain, in the order of the domains' first events
     */
    public Map<String, List<Event>> route(String parserId, List<Event> events) throws NoRouteException {
        Map<String, List<Event>> byDomain = new LinkedHashMap<>();
        for (Event e : events) {
            Domain d = router.route(parserId, e.topic()).orElseThrow(() -> new NoRouteException(
                    "no domain routes topic " + e.topic() + " (parser " + parserId + ")"));
            byDomain.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(e);
        }
        return byDomain;
    }

    /** Publishes every event or fails, waiting for each domain's confirmations in turn. */
    public void publish(String parserId, List<Event> events) throws PublishException, NoRouteException {
        publish(route(parserId, events));
    }

    /** Publishes routed events, waiting for each domain's confirmations in turn. */
    public void publish(Map<String, List<Event>> shares) throws PublishException {
        for (Map.Entry<String, List<Event>> share : shares.entrySet()) {
            publishers.get(share.getKey()).publish(share.getValue());
        }
    }

    @Override
    public void close() {
        publishers.values().forEach(Publisher::close);
    }
}
