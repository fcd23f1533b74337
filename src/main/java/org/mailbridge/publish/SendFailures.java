package org.mailbridge.publish;

import java.util.HashSet;
import java.util.Set;

import jakarta.jms.JMSException;

import org.apache.qpid.jms.provider.ProviderException;
import org.apache.qpid.jms.provider.exceptions.ProviderDeliveryModifiedException;
import org.apache.qpid.jms.provider.exceptions.ProviderDeliveryReleasedException;
import org.apache.qpid.jms.provider.exceptions.ProviderIOException;
import org.apache.qpid.jms.provider.exceptions.ProviderOperationTimedOutException;
import org.apache.qpid.jms.provider.exceptions.ProviderResourceAllocationException;
import org.apache.qpid.jms.provider.exceptions.ProviderResourceClosedException;

/**
 * Tells a broker's refusal of one message from a failure of the connection, for a failed Qpid
 * JMS send. Only an explicit verdict on the message counts as a refusal: an AMQP
 * {@code rejected} outcome, which Qpid JMS reports as a {@link ProviderException} of its own
 * kind. Everything else is the connection's: a send failed because the connection dropped
 * (with a {@code failover:} URL Qpid JMS fails in-flight sends with a bare
 * {@code JMSException("Send failed due to connection loss")} and never tells the exception
 * listener), I/O and time-outs, {@code released} and {@code modified} outcomes (the broker did
 * not take it, for now), and resource limits (a broker out of disk). Counting those as refusals
 * quarantined good mail whenever a broker flapped.
 */
final class SendFailures {
    private SendFailures() {
    }

    /**
     * Whether a failed send was the broker refusing the message.
     *
     * @param error what the completion listener (or the send call) reported
     * @param connectionFailed whether the connection is known to have failed
     */
    static boolean isRefusal(Throwable error, boolean connectionFailed) {
        if (connectionFailed) {
            return false;
        }
        ProviderException p = providerCause(error);
        return p != null && !(p instanceof ProviderIOException || p instanceof ProviderOperationTimedOutException
                || p instanceof ProviderDeliveryReleasedException || p instanceof ProviderDeliveryModifiedException
                || p instanceof ProviderResourceAllocationException || p instanceof ProviderResourceClosedException);
    }

    /** The provider's own exception behind a JMS one: Qpid JMS links it as the cause or linked exception. */
    private static ProviderException providerCause(Throwable error) {
        Set<Throwable> seen = new HashSet<>();
        Throwable t = error;
        while (t != null && seen.add(t)) {
            if (t instanceof ProviderException p) {
                return p;
            }
            Throwable next = t.getCause();
            if (next == null && t instanceof JMSException j) {
                next = j.getLinkedException();
            }
            t = next;
        }
        return null;
    }
}
