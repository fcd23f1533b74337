package org.mailbridge.daemon;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.mailbridge.pipeline.Routed;
import org.mailbridge.publish.PublishException;

/**
 * One routed mail in flight: done when every domain it goes to has answered for its share. A
 * connection failure outranks a refusal, so a mail is only ever counted as refused when no
 * connection failed under it.
 */
final class Shipment {
    private final Routed routed;
    private final AtomicInteger waiting;
    private final AtomicReference<PublishException> error = new AtomicReference<>();
    private final Consumer<Shipment> whenDone;

    Shipment(Routed routed, Consumer<Shipment> whenDone) {
        this.routed = routed;
        this.waiting = new AtomicInteger(routed.shares().size());
        this.whenDone = whenDone;
    }

    Routed routed() {
        return routed;
    }

    /** The failure, or null when every share was confirmed. Only meaningful once done. */
    PublishException error() {
        return error.get();
    }

    /** A domain answered for its share: confirmed (null) or failed. */
    void answered(PublishException e) {
        if (e != null) {
            error.accumulateAndGet(e, (old, now) -> old == null || (old.scope() == PublishException.Scope.MESSAGE
                    && now.scope() == PublishException.Scope.CONNECTION) ? now : old);
        }
        if (waiting.decrementAndGet() == 0) {
            whenDone.accept(this);
        }
    }
}
