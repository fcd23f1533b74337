package org.mailbridge.publish;

import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.ShutdownSignalException;

/**
 * AMQP 0-9-1 publisher confirms for one channel, by delivery tag: each published event's
 * sequence number maps to the send it belongs to; an {@code ack} (one tag, or every tag up to it
 * when {@code multiple}) confirms, a {@code nack} is the broker refusing those messages. When the
 * channel shuts down, every send still waiting fails: as a refusal only if the broker closed the
 * channel (not the connection) while exactly one send was waiting, so that the blame is certain;
 * otherwise as the connection's failure, so that good mail in flight beside a bad one is never
 * counted as refused.
 */
final class ConfirmTracker implements ConfirmListener {
    private final NavigableMap<Long, ConfirmCount> bySeq = new ConcurrentSkipListMap<>();
    private final String domain;

    ConfirmTracker(String domain) {
        this.domain = domain;
    }

    /** Tracks one published event of a send. */
    void published(long seq, ConfirmCount count) {
        bySeq.put(seq, count);
    }

    @Override
    public void handleAck(long tag, boolean multiple) {
        settle(tag, multiple, null);
    }

    @Override
    public void handleNack(long tag, boolean multiple) {
        settle(tag, multiple, new PublishException(PublishException.Scope.MESSAGE, domain,
                "broker refused: nack for delivery tag " + tag, null));
    }

    private void settle(long tag, boolean multiple, PublishException refusal) {
        Map<Long, ConfirmCount> done = multiple ? bySeq.headMap(tag, true) : subMapOf(tag);
        for (ConfirmCount c : done.values()) {
            if (refusal == null) {
                c.confirmed();
            } else {
                c.failed(refusal);
            }
        }
        done.clear();
    }

    private Map<Long, ConfirmCount> subMapOf(long tag) {
        return bySeq.subMap(tag, true, tag, true);
    }

    /** The channel is gone: fails what is still waiting. */
    void shutdown(ShutdownSignalException cause) {
        long sends = bySeq.values().stream().distinct().count();
        boolean refusal = sends == 1 && !cause.isHardError() && !cause.isInitiatedByApplication();
        PublishException e = new PublishException(refusal ? PublishException.Scope.MESSAGE
                : PublishException.Scope.CONNECTION, domain, (refusal ? "broker refused: " : "channel closed: ")
                + JmsPublisher.oneLine(cause), cause);
        for (ConfirmCount c : bySeq.values()) {
            c.failed(e);
        }
        bySeq.clear();
    }
}
