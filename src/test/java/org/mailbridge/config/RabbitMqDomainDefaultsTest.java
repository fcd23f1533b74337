package org.mailbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.testing.TestConfigs;

/**
 * What a RabbitMQ domain defaults to. Pure configuration, no broker: it runs in {@code mvn verify}
 * (it used to sit in the {@code rabbitmq}-tagged class, which only {@code -Prabbitmq} runs).
 */
class RabbitMqDomainDefaultsTest {
    private static final String URL = "amqp://127.0.0.1:5672";

    @TempDir
    Path dir;

    @Test
    void aRabbitMqDomainPublishesToTheTopicExchangeAnd091ImpliesRabbitMq() throws Exception {
        Config c = TestConfigs.write(dir, """
                [domains.fedora]
                url = "%s"
                broker = "rabbitmq"
                [domains.classic]
                url = "%s"
                protocol = "amqp-0-9-1"
                """.formatted(URL, URL));
        assertThat(c.domains().get(0).address()).isEqualTo("/exchange/amq.topic/{topic}");
        assertThat(c.domains().get(1).broker()).isEqualTo(BrokerKind.RABBITMQ);
    }

    @Test
    void credentialsInTheUrlAreRefused() {
        assertThatThrownBy(() -> TestConfigs.write(dir, "[domains.x]\nurl = \"amqp://guest:guest@127.0.0.1:5672\"\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("username");
    }
}
