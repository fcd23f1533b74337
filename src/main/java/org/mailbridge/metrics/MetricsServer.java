package org.mailbridge.metrics;

import java.io.IOException;
import java.net.InetSocketAddress;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;

/** Serves {@code /metrics} in the Prometheus text format on the configured address. */
public final class MetricsServer implements AutoCloseable {
    private final HTTPServer server;

    private MetricsServer(HTTPServer server) {
        this.server = server;
    }

    /** Starts serving; port 0 picks a free port ({@link #port()} tells which). */
    public static MetricsServer start(BridgeMetrics metrics, InetSocketAddress listen) throws IOException {
        return new MetricsServer(HTTPServer.builder().inetAddress(listen.getAddress()).port(listen.getPort())
                .registry(metrics.registry()).buildAndStart());
    }

    /** The port it listens on. */
    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.close();
    }
}
