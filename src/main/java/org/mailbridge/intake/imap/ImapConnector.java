package org.mailbridge.intake.imap;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

import org.mailbridge.config.ImapSettings;
import org.mailbridge.publish.TlsContexts;

/**
 * Opens an authenticated IMAP store with Angus Mail: TLS from the first byte for
 * {@code imaps://}, required STARTTLS for {@code imap://} (except to a loopback address), the
 * server's name checked against its certificate, timeouts on every socket operation, and
 * {@code BODY.PEEK} so that fetching a message does not mark it {@code \Seen} before it is
 * durable. The password is read from its file for each login and handed to the store only.
 */
final class ImapConnector {
    private final ImapSettings settings;
    private final Session session;

    ImapConnector(ImapSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
    }

    private static Properties properties(ImapSettings s) {
        String p = s.tls() ? "mail.imaps." : "mail.imap.";
        Properties props = new Properties();
        props.put(p + "host", s.host());
        props.put(p + "port", Integer.toString(s.port()));
        props.put(p + "connectiontimeout", "30000");
        // Reads block for as long as an IDLE lasts; a little more, so a dead server is noticed.
        props.put(p + "timeout", Long.toString(s.pollInterval().toMillis() + 60_000));
        props.put(p + "writetimeout", "30000");
        props.put(p + "peek", "true");
        props.put(p + "ssl.checkserveridentity", "true");
        if (!s.tls()) {
            boolean loopback = isLoopback(s.host());
            props.put(p + "starttls.enable", Boolean.toString(!loopback));
            props.put(p + "starttls.required", Boolean.toString(!loopback));
        }
        if (s.caFile().isPresent()) {
            props.put(p + "ssl.socketFactory",
                    TlsContexts.fromPem(s.caFile(), java.util.Optional.empty(), java.util.Optional.empty())
                            .getSocketFactory());
        }
        return props;
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    /** A connected store; the caller closes it. */
    Store connect() throws MessagingException, IOException {
        String password = Files.readString(settings.passwordFile(), StandardCharsets.UTF_8).strip();
        Store store = session.getStore(settings.tls() ? "imaps" : "imap");
        store.connect(settings.host(), settings.port(), settings.username(), password);
        return store;
    }
}
