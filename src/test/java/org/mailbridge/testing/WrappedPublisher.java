package org.mailbridge.testing;

import org.mailbridge.publish.PublishException;
import org.mailbridge.publish.Publisher;

/** A real (or fake) publisher behind a wrapper that changes only what {@code send} answers. */
public abstract class WrappedPublisher implements Publisher {
    protected final Publisher inner;

    protected WrappedPublisher(Publisher inner) {
        this.inner = inner;
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
