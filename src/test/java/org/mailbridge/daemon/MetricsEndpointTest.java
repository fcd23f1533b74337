package org.mailbridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.Config;
import org.mailbridge.config.ConfigLoader;
import org.mailbridge.spool.Spool;
import org.mailbridge.testing.TestBroker;
import org.mailbridge.testing.TestConfigs;
import org.mailbridge.testing.TestMail;

/** The daemon's Prometheus endpoint, scraped as Prometheus would. */
class MetricsEndpointTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void countsPerParserAndOutcomeSpoolDepthLatencyConfirmsAndConnections() throws Exception {
        Config c = TestConfigs.write(dir, TestConfigs.toml(dir.resolve("spool"), TestBroker.get().url())
                + "\n[metrics]\nlisten = \"127.0.0.1:0\"\n");
        try (RunningDaemon d = RunningDaemon.start(c)) {
            int port = d.daemon().metricsPort().orElseThrow();
            Spool spool = new Spool(c.spool());
            for (String id : new String[] {"metrics-1", "metrics-2"}) {
                spool.commit(spool.stage(new java.io.ByteArrayInputStream(TestMail.plain(id).bytes())));
            }
            String text = "";
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && !text.contains("mailbridge_mails_total{outcome=\"published\",parser=\"mail\"} 2.0")) {
                Thread.sleep(100);
                text = scrape(port);
            }
            assertThat(text).contains("mailbridge_mails_total{outcome=\"published\",parser=\"mail\"} 2.0")
                    .contains("mailbridge_domain_connected{domain=\"main\"} 1.0")
                    .contains("mailbridge_spool_waiting 0.0")
                    .contains("mailbridge_spool_oldest_waiting_seconds 0.0")
                    .contains("mailbridge_confirms_in_flight{domain=\"main\"} 0.0")
                    .contains("mailbridge_publish_duration_seconds_count{domain=\"main\"} 2")
                    .contains("# TYPE mailbridge_publish_duration_seconds histogram");

            // A mail that cannot be claimed yet: the daemon is asked to stop first, so it waits.
            d.daemon().stop();
            spool.commit(spool.stage(new java.io.ByteArrayInputStream(TestMail.plain("metrics-3").bytes())));
            assertThat(scrape(port)).contains("mailbridge_spool_waiting 1.0")
                    .containsPattern("mailbridge_spool_oldest_waiting_seconds \\d");
        }
    }

    @Test
    void aBarePortListensOnLoopbackOnly() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("m.toml"), "[metrics]\nlisten = \"9464\"\n");
        Config c = ConfigLoader.load(dir.resolve("m.toml"), Map.of());
        assertThat(c.metrics().listen().orElseThrow().getAddress().isLoopbackAddress()).isTrue();
        assertThat(c.metrics().listen().get().getPort()).isEqualTo(9464);
        assertThat(ConfigLoader.load(null, Map.of("XDG_DATA_HOME", dir.toString())).metrics().listen()).as("off by default").isEmpty();
    }

    private static String scrape(int port) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }
}
