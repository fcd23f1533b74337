package org.mailbridge.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A raw SMTP client for tests that must see each reply code exactly as the server sent it,
 * which a mail library would turn into exceptions or hide behind retries.
 */
public final class SmtpDialog implements AutoCloseable {
    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    private SmtpDialog(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(20_000);
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        this.out = socket.getOutputStream();
    }

    /** Connects and returns after the greeting, which must be 220. */
    public static SmtpDialog open(int port) throws IOException {
        SmtpDialog d = new SmtpDialog(new Socket("127.0.0.1", port));
        String greeting = d.reply();
        if (!greeting.startsWith("220")) {
            d.close();
            throw new IOException("greeting: " + greeting);
        }
        return d;
    }

    /** Sends a command line and returns the whole (last line of a multi-line) reply. */
    public String send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return reply();
    }

    /** Sends a message body after DATA's 354, dot-stuffed, and returns the final reply. */
    public String data(String message) throws IOException {
        String go = send("DATA");
        if (!go.startsWith("354")) {
            return go;
        }
        StringBuilder sb = new StringBuilder();
        for (String l : message.split("\n", -1)) {
            sb.append(l.startsWith(".") ? "." + l : l).append("\r\n");
        }
        sb.append(".\r\n");
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        return reply();
    }

    /** Sends a whole transaction; returns the reply to the message data. */
    public String mail(String from, String to, String message) throws IOException {
        String r = send("MAIL FROM:<" + from + ">");
        if (!r.startsWith("250")) {
            return r;
        }
        r = send("RCPT TO:<" + to + ">");
        if (!r.startsWith("250")) {
            return r;
        }
        return data(message);
    }

    private String reply() throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed by the server");
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        return line;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
