package org.mailbridge.testing;

import java.util.List;

import org.mailbridge.broker.EmbeddedBroker;

/**
 * One embedded Qpid Broker-J for the whole test JVM, on an ephemeral port: starting one costs
 * about a second and stopping one another, so tests share it (each uses its own topics). It keeps
 * messages in memory: no test needs this one to survive a restart.
 */
public final class TestBroker {
    private static EmbeddedBroker broker;

    private TestBroker() {
    }

    /** The shared broker, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedBroker get() {
        if (broker == null) {
            try {
                broker = EmbeddedBroker.startInMemory(0, List.of("default", "community"));
            } catch (Exception e) {
                throw new IllegalStateException("test broker did not start", e);
            }
            EmbeddedBroker b = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(b::close));
        }
        return broker;
    }
}
