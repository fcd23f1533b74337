package org.mailbridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.Config;
import org.mailbridge.consume.EventConsumer;
import org.mailbridge.testing.FlappingProxy;
import org.mailbridge.testing.TestBroker;
import org.mailbridge.testing.TestConfigs;
import org.mailbridge.testing.TestMail;

/**
 * Issue 9, F3: a send failed by a connection loss could reach the publisher before (with a
 * {@code failover:} URL: instead of) the exception listener, so it counted as the broker's
 * refusal, and three of those quarantined a good mail as {@code publish-rejected}.
 */
class FlappingBrokerTest {
    private static final int DROPS = 5; // more than the three refusals that quarantine a mail

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"failover:(amqp://127.0.0.1:%d)?failover.initialReconnectDelay=50", "amqp://127.0.0.1:%d"})
    void connectionsCutUnderEverySendQuarantineNoGoodMail(String urlTemplate) throws Exception {
        Path spool = dir.resolve("spool");
        try (FlappingProxy proxy = FlappingProxy.start(TestBroker.get().port(), DROPS)) {
            Config config = TestConfigs.write(dir, TestConfigs.toml(spool, urlTemplate.formatted(proxy.port())));
            for (int i = 1; i <= 3; i++) {
                SpoolFiles.put(spool, "new", i, TestMail.plain("flap-" + i).bytes());
            }
            try (EventConsumer consumer = SpoolFiles.consumer(config, TestBroker.get().url());
                 RunningDaemon d = RunningDaemon.start(config)) {
                assertThat(SpoolFiles.subjects(consumer, 3, Duration.ofSeconds(60)))
                        .containsExactlyInAnyOrder("test flap-1", "test flap-2", "test flap-3");
                assertThat(EndToEndTest.waitForEmpty(spool.resolve("new"))).isTrue();
            }
            assertThat(proxy.dropped()).isEqualTo(DROPS);
        }
        assertThat(EndToEndTest.list(spool.resolve("quarantine"))).isEmpty();
    }
}
