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
 * back: "down" is a port that refuses connections or hangs up on them, "up" forwards to the real
 * broker. {@link #onFreePort} keeps one listening socket for the whole test and switches it with
 * {@link #cut} and {@link #forwardTo}: a port let go and bound again later can be taken
 * meanwhile by any other process's outgoing connection.
 */
public final class TcpProxy implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    /** Where new connections are forwarded, or 0 to hang up on each at once; guarded by this. */
    private int target;

    /** @param targetPort where to forward, or 0 to hang up on every connection at once */
    private TcpProxy(ServerSocket server, int targetPort) {
        this.server = server;
        this.target = targetPort;
        Thread t = new Thread(this::accept, "tcp-proxy-" + server.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    /** A broker that is down, on a port of its own, until {@link #forwardTo}: connections are counted and hung up on. */
    public static TcpProxy onFreePort() throws IOException {
        return new TcpProxy(bind(0), 0);
    }

    /** The port it listens on. */
    public int port() {
        return server.getLocalPort();
    }

    /** The broker is back: new connections go to {@code 127.0.0.1:targetPort}. */
    public synchronized void forwardTo(int targetPort) {
        target = targetPort;
    }

    /** The broker vanishes under open connections: each is cut, and new ones are hung up on; the port stays bound. */
    public synchronized void cut() {
        target = 0;
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    /** How many connections were accepted so far. */
    public int accepted() {
        return accepted.get();
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

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                accepted.incrementAndGet();
                Socket upstream = connect(client);
                if (upstream == null) {
                    continue;
                }
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                return;
            }
        }
    }

    /**
     * The upstream socket for a client that was just accepted, or null when it was hung up on
     * (down, or the target refused). Under the lock that {@link #cut} takes, so that no
     * connection accepted while the broker "goes down" survives it.
     */
    private synchronized Socket connect(Socket client) {
        if (target == 0) {
            closeQuietly(client);
            return null;
        }
        try {
            Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
            sockets.add(client);
            sockets.add(upstream);
            return upstream;
        } catch (IOException e) {
            closeQuietly(client); // the target is down too: this one connection fails, the proxy goes on
            return null;
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
