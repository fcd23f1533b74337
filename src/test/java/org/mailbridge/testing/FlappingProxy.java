package org.mailbridge.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An AMQP 1.0 forwarder that cuts the connection the moment the client sends a message (a
 * {@code transfer} frame), for the first {@code drops} messages, then forwards everything: a
 * broker connection that flaps exactly while a send is in flight, every time, with no timing
 * luck involved.
 */
public final class FlappingProxy implements AutoCloseable {
    private static final int TRANSFER = 0x14;

    private final ServerSocket server;
    private final int targetPort;
    private final AtomicInteger drops;
    private final AtomicInteger dropped = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private FlappingProxy(int targetPort, int drops) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.drops = new AtomicInteger(drops);
        Thread t = new Thread(this::accept, "flapping-proxy");
        t.setDaemon(true);
        t.start();
    }

    /** Forwards an ephemeral port to {@code targetPort}, dropping the first {@code drops} sends. */
    public static FlappingProxy start(int targetPort, int drops) throws IOException {
        return new FlappingProxy(targetPort, drops);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** How many connections were cut under a send. */
    public int dropped() {
        return dropped.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(upstream);
                thread(() -> frames(client, upstream));
                thread(() -> pump(upstream, client));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Client to broker, frame by frame (AMQP 1.0 section 2.3), so that a transfer can be caught. */
    private void frames(Socket client, Socket upstream) {
        try (DataInputStream in = new DataInputStream(client.getInputStream()); OutputStream out = upstream.getOutputStream()) {
            byte[] head = new byte[4];
            while (true) {
                in.readFully(head);
                if (head[0] == 'A' && head[1] == 'M' && head[2] == 'Q' && head[3] == 'P') {
                    byte[] rest = in.readNBytes(4); // a protocol header (plain, or SASL's)
                    out.write(head);
                    out.write(rest);
                    out.flush();
                    continue;
                }
                int size = ((head[0] & 0xff) << 24) | ((head[1] & 0xff) << 16) | ((head[2] & 0xff) << 8) | (head[3] & 0xff);
                byte[] frame = in.readNBytes(size - 4);
                int doff = frame[0] & 0xff;
                int type = frame[1] & 0xff;
                int body = doff * 4 - 4;
                boolean transfer = type == 0 && frame.length > body + 2 && frame[body] == 0x00
                        && (frame[body + 1] & 0xff) == 0x53 && (frame[body + 2] & 0xff) == TRANSFER;
                if (transfer && drops.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    dropped.incrementAndGet();
                    TcpProxy.closeQuietly(client);
                    TcpProxy.closeQuietly(upstream);
                    return;
                }
                out.write(head);
                out.write(frame);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            TcpProxy.closeQuietly(client);
            TcpProxy.closeQuietly(upstream);
        }
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side closed
        } finally {
            TcpProxy.closeQuietly(from);
            TcpProxy.closeQuietly(to);
        }
    }

    private static void thread(Runnable r) {
        Thread t = new Thread(r, "flapping-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        TcpProxy.closeQuietly(server);
        sockets.forEach(TcpProxy::closeQuietly);
    }
}
