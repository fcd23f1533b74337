package org.mailbridge.broker;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the embedded broker keeps its messages: a closed choice between a store that survives the
 * broker's death and one that does not.
 */
public sealed interface BrokerStore permits BrokerStore.Derby, BrokerStore.Memory {

    /**
     * Broker-J's Derby store in a work directory: one database per virtual host, holding its queues,
     * bindings and durable messages. Derby syncs its transaction log before a commit returns, and
     * Broker-J settles a durable message only after that commit, so a confirmed message is on disk
     * when the publisher hears of it and survives {@code kill -9}; Derby replays its log at the
     * next start.
     *
     * @param workDir the broker's work directory (created when missing)
     */
    record Derby(Path workDir) implements BrokerStore {
        public Derby {
            Objects.requireNonNull(workDir, "workDir");
        }
    }

    /**
     * Memory only: fast to start and leaves nothing behind, for tests. Everything the broker held,
     * durable or not, is gone when it stops.
     */
    record Memory() implements BrokerStore {
    }
}
