package org.mailbridge.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import org.mailbridge.spool.Spool;
import org.mailbridge.spool.SpoolEntry;

/**
 * The daemon's Prometheus metrics. Counters and the latency histogram are updated as mail is
 * handled; spool depths and connection states are read when scraped, so they are never stale.
 * Its own registry (not the client's global default), so two daemons in one JVM (tests) keep
 * their figures apart.
 */
public final class BridgeMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter mails;
    private final Counter publishFailures;
    private final Histogram publishSeconds;
    private final Gauge inFlight;

    /**
     * @param spool the spool whose depths are reported
     * @param domains each domain's connection state, asked at scrape time
     * @param clock for the age of the oldest waiting mail
     */
    public BridgeMetrics(Spool spool, Supplier<Map<String, Boolean>> domains, Clock clock) {
        mails = Counter.builder().name("mailbridge_mails").help("Mails settled, by parser and outcome "
                + "(published, quarantined, ignored)").labelNames("parser", "outcome").register(registry);
        publishFailures = Counter.builder().name("mailbridge_publish_failures").help("Publish attempts that failed, "
                + "by domain and scope (connection, message)").labelNames("domain", "scope").register(registry);
        publishSeconds = Histogram.builder().name("mailbridge_publish_duration_seconds")
                .help("Time from sending a mail's events to a domain until the broker confirmed them all")
                .labelNames("domain").classicOnly()
                .classicUpperBounds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
                .register(registry);
        inFlight = Gauge.builder().name("mailbridge_confirms_in_flight")
                .help("Events sent to a domain and not yet confirmed by its broker").labelNames("domain").register(registry);
        GaugeWithCallback.builder().name("mailbridge_domain_connected")
                .help("1 when the daemon's connection to the domain is up, 0 when not").labelNames("domain")
                .callback(cb -> domains.get().forEach((d, up) -> cb.call(up ? 1 : 0, d))).register(registry);
        GaugeWithCallback.builder().name("mailbridge_spool_waiting").help("Mails waiting in new/")
                .callback(cb -> cb.call(count(() -> spool.waiting().size()))).register(registry);
        GaugeWithCallback.builder().name("mailbridge_spool_in_progress").help("Mails claimed into cur/")
                .callback(cb -> cb.call(count(() -> spool.claimed().size()))).register(registry);
        GaugeWithCallback.builder().name("mailbridge_spool_oldest_waiting_seconds")
                .help("Age of the oldest mail waiting in new/, 0 when none waits")
                .callback(cb -> cb.call(oldestAge(spool, clock))).register(registry);
    }

    /** The registry, for the HTTP exporter. */
    public PrometheusRegistry registry() {
        return registry;
    }

    /** Counts one settled mail. */
    public void mail(String parser, String outcome) {
        mails.labelValues(parser.isEmpty() ? "none" : parser, outcome).inc();
    }

    /** Counts one failed publish. */
    public void publishFailed(String domain, String scope) {
        publishFailures.labelValues(domain, scope).inc();
    }

    /** Events handed to a domain's publisher; call {@link #confirmed} when it returns. */
    public void sending(String domain, int events) {
        inFlight.labelValues(domain).inc(events);
    }

    /** The publish of {@code events} to a domain ended (confirmed or failed) after {@code seconds}. */
    public void confirmed(String domain, int events, double seconds, boolean ok) {
        inFlight.labelValues(domain).dec(events);
        if (ok) {
            publishSeconds.labelValues(domain).observe(seconds);
        }
    }

    private interface Count {
        int get() throws IOException;
    }

    private static double count(Count c) {
        try {
            return c.get();
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private static double oldestAge(Spool spool, Clock clock) {
        long oldest = Long.MAX_VALUE;
        try {
            for (SpoolEntry e : spool.waiting()) {
                try {
                    oldest = Math.min(oldest, Files.getLastModifiedTime(e.path()).toMillis());
                } catch (NoSuchFileException gone) {
                    // claimed while we looked
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return oldest == Long.MAX_VALUE ? 0 : Math.max(0, clock.millis() - oldest) / 1000.0;
    }
}
