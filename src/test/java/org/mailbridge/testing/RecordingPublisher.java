package org.mailbridge.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.mailbridge.event.Event;
import org.mailbridge.publish.PublishException;
import org.mailbridge.publish.Publisher;

/** A publisher fake: records what it is given, or fails the way it is told to, in order. */
public final class RecordingPublisher implements Publisher {
    private final String domain;
    private final List<Event> published = new ArrayList<>();
    private final Deque<PublishException.Scope> failures = new ArrayDeque<>();

    public RecordingPublisher(String domain) {
        this.domain = domain;
    }

    /** The next publish calls fail with these scopes, one each, before publishing works again. */
    public RecordingPublisher failing(PublishException.Scope... scopes) {
        failures.addAll(List.of(scopes));
        return this;
    }

    public synchronized List<Event> published() {
        return List.copyOf(published);
    }

    @Override
    public synchronized CompletableFuture<Void> send(List<Event> events) {
        PublishException.Scope s = failures.poll();
        if (s != null) {
            return CompletableFuture.failedFuture(new PublishException(s, domain, "told to fail (" + s + ")", null));
        }
        published.addAll(events);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void connect() {
    }

    @Override
    public boolean connected() {
        return true;
    }

    @Override
    public void close() {
    }
}
