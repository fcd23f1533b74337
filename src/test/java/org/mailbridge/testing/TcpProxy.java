package org.mailbridge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP forwarder the test switches on and off, standing in for a broker that is down or comes
 * back: "down" is a port that refuses connections, "up" forwards to the real broker.
 */
public final class TcpProxy implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();

    /** @param targetPort where to forward, or 0 to hang up on every connection at once */
    private TcpProxy(ServerSocket server, int targetPort) {
        this.server = server;
        Thread t = new Thread(() -> accept(targetPort), "tcp-proxy-" + server.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    /**
     * A broker that is down but whose port answers: every connection is accepted, counted and
     * closed at once, so a test can tell that the client tried (and how often).
     */
    public static TcpProxy hangingUp(int listenPort) throws IOException {
        return new TcpProxy(bind(listenPort), 0);
    }

    /** How many connections were accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    /** A port on 127.0.0.1 that is free now (and refuses connections until something listens). */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Starts forwarding {@code 127.0.0.1:listenPort} to {@code 127.0.0.1:targetPort}. */
    public static TcpProxy start(int listenPort, int targetPort) throws IOException {
        return new TcpProxy(bind(listenPort), targetPort);
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return s;
    }

    private void accept(int targetPort) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                accepted.incrementAndGet();
                if (targetPort == 0) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    /** Stops listening and cuts every connection: the broker "goes down". */
    @Override
    public void close() {
        closeQuietly(server);
        sockets.forEach(TcpProxy::closeQuietly);
    }

    static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
