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
        this.publishers = Map.copyOf(publishers);
    }

    /**
     * Publishes every event or fails. Routing is checked for all events before anything is sent,
     * so a routing gap never leaves a mail half published.
     */
    public void publish(String parserId, List<Event> events) throws PublishException, NoRouteException {
        Map<String, List<Event>> byDomain = new LinkedHashMap<>();
        for (Event e : events) {
            Domain d = router.route(parserId, e.topic()).orElseThrow(() -> new NoRouteException(
                    "no domain routes topic " + e.topic() + " (parser " + parserId + ")"));
            byDomain.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(e);
        }
        for (Map.Entry<String, List<Event>> share : byDomain.entrySet()) {
            publishers.get(share.getKey()).publish(share.getValue());
        }
    }

    /** Connects every publisher, reporting the first failure. */
    public void connectAll() throws PublishException {
        for (Publisher p : publishers.values()) {
            p.connect();
        }
    }

    @Override
    public void close() {
        publishers.values().forEach(Publisher::close);
    }
}
