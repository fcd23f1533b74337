package org.mailbridge.publish;

import java.util.UUID;

import org.apache.qpid.jms.JmsDestination;
import org.apache.qpid.jms.JmsSession;
import org.apache.qpid.jms.message.JmsMessageIDBuilder;
import org.apache.qpid.jms.policy.JmsMessageIDPolicy;

/**
 * Makes the AMQP message-id of each published message the event id. JMS gives the provider,
 * not the application, the message id; Qpid JMS asks its message-id builder for one inside
 * {@code send}, on the sending thread, so the publisher sets the id in a thread-local just
 * before it sends.
 */
final class PresetMessageIdPolicy implements JmsMessageIDPolicy {
    private static final ThreadLocal<String> NEXT = new ThreadLocal<>();

    /** Sets the id the next send on this thread will use. */
    static void next(String id) {
        NEXT.set(id);
    }

    /** Clears the id after the send. */
    static void clear() {
        NEXT.remove();
    }

    @Override
    public JmsMessageIDPolicy copy() {
        return this;
    }

    @Override
    public JmsMessageIDBuilder getMessageIDBuilder(JmsSession session, JmsDestination destination) {
        return new JmsMessageIDBuilder() {
            @Override
            public Object createMessageID(String producerId, long messageSequence) {
                String id = NEXT.get();
                // A send not prepared by the publisher (there is none today) still gets a unique id.
                return id != null ? id : UUID.randomUUID().toString();
            }

            @Override
            public JmsMessageIDBuilder initialize(String producerId) {
                return this;
            }
        };
    }
}
