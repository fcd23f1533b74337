package org.mailbridge.config;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * The daemon's Prometheus endpoint ({@code [metrics] listen}).
 *
 * @param listen where {@code /metrics} is served, or empty for no endpoint. A bare port means
 *     127.0.0.1: metrics say which services mail the bridge, so they are not served to the world
 *     unless the operator names an address
 */
public record MetricsSettings(Optional<InetSocketAddress> listen) {
    public static final MetricsSettings OFF = new MetricsSettings(Optional.empty());

    /** Parses {@code "9464"}, {@code "127.0.0.1:9464"}, {@code "[::1]:9464"} or {@code "0.0.0.0:9464"}. */
    static MetricsSettings parse(String v) throws ConfigException {
        if (v == null || v.isBlank()) {
            return OFF;
        }
        int colon = v.lastIndexOf(':');
        String host = colon < 0 ? "127.0.0.1" : v.substring(0, colon).replace("[", "").replace("]", "");
        int port;
        try {
            port = Integer.parseInt(v.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new ConfigException("key 'metrics.listen': '" + v + "' is not [host:]port");
        }
        if (port < 0 || port > 65535 || host.isEmpty()) {
            throw new ConfigException("key 'metrics.listen': '" + v + "' is not [host:]port");
        }
        return new MetricsSettings(Optional.of(new InetSocketAddress(host, port)));
    }
}
