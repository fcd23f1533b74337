package org.mailbridge.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Builds {@code [intake.smtp]} and {@code [intake.imap]} into {@link IntakeSettings}, checking every value. */
final class IntakeBuilder {
    private IntakeBuilder() {
    }

    static IntakeSettings build(RawConfig.RawIntake raw, Path base, Limits limits) throws ConfigException {
        if (raw == null) {
            return IntakeSettings.NONE;
        }
        Optional<SmtpSettings> smtp = raw.smtp() == null ? Optional.empty() : Optional.of(smtp(raw.smtp(), base, limits));
        Optional<ImapSettings> imap = raw.imap() == null ? Optional.empty() : Optional.of(imap(raw.imap(), base));
        return new IntakeSettings(smtp, imap);
    }

    private static SmtpSettings smtp(RawConfig.RawSmtp r, Path base, Limits limits) throws ConfigException {
        String k = "intake.smtp.";
        InetSocketAddress listen = listen(k + "listen", r.listen() == null ? "127.0.0.1:2525" : r.listen());
        List<String> recipients = r.recipients() == null ? List.of() : r.recipients();
        for (String p : recipients) {
            if (p.isBlank() || p.indexOf('@') < 0) {
                throw ConfigException.forKey(k + "recipients",
                        "key '" + k + "recipients': '" + p + "' is not an address or *@domain");
            }
        }
        if (recipients.isEmpty() && !listen.getAddress().isLoopbackAddress()) {
            throw ConfigException.forKey(k + "recipients",
                    "key '" + k + "recipients' is required when listening beyond loopback ("
                    + listen.getAddress().getHostAddress() + "): say which addresses this bridge serves");
        }
        long size = r.maxMessageSize() == null ? limits.maxMessageSize() : Units.size(k + "max_message_size", r.maxMessageSize());
        if (size > Integer.MAX_VALUE) {
            throw ConfigException.forKey(k + "max_message_size", "key '" + k + "max_message_size': at most 2 GiB");
        }
        Optional<SmtpSettings.TlsFiles> tls = Optional.empty();
        if (r.tlsCertFile() != null || r.tlsKeyFile() != null) {
            if (r.tlsCertFile() == null || r.tlsKeyFile() == null) {
                throw ConfigException.forKey(k + "tls_cert_file",
                        "keys '" + k + "tls_cert_file' and '" + k + "tls_key_file' go together");
            }
            tls = Optional.of(new SmtpSettings.TlsFiles(readable(k + "tls_cert_file", base, r.tlsCertFile()),
                    readable(k + "tls_key_file", base, r.tlsKeyFile())));
        }
        boolean requireTls = Boolean.TRUE.equals(r.requireTls());
        if (requireTls && tls.isEmpty()) {
            throw ConfigException.forKey(k + "require_tls",
                    "key '" + k + "require_tls' needs tls_cert_file and tls_key_file");
        }
        Optional<SmtpSettings.Account> auth = Optional.empty();
        if (r.authUsername() != null || r.authPasswordFile() != null) {
            if (r.authUsername() == null || r.authPasswordFile() == null || r.authUsername().isBlank()) {
                throw ConfigException.forKey(k + "auth_username",
                        "keys '" + k + "auth_username' and '" + k + "auth_password_file' go together");
            }
            auth = Optional.of(new SmtpSettings.Account(r.authUsername(),
                    readable(k + "auth_password_file", base, r.authPasswordFile())));
        }
        return new SmtpSettings(listen, r.hostname() == null ? localName() : r.hostname(), recipients, size,
                positive(k + "max_connections", r.maxConnections(), 20),
                positive(k + "max_connections_per_client", r.maxConnectionsPerClient(), 10),
                positive(k + "max_recipients", r.maxRecipients(), 100),
                positive(k + "max_messages_per_second", r.maxMessagesPerSecond(), 500),
                duration(k + "timeout", r.timeout(), Duration.ofMinutes(5)), tls, requireTls, auth);
    }

    private static ImapSettings imap(RawConfig.RawImap r, Path base) throws ConfigException {
        String k = "intake.imap.";
        if (r.url() == null || r.passwordFile() == null) {
            throw ConfigException.forKey(k + "url", "keys '" + k + "url' and '" + k + "password_file' are required");
        }
        URI u;
        try {
            u = new URI(r.url().strip());
        } catch (URISyntaxException e) {
            throw ConfigException.forKey(k + "url", "key '" + k + "url': " + e.getMessage(), e);
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("imaps") && !scheme.equals("imap")) {
            throw ConfigException.forKey(k + "url", "key '" + k + "url': scheme must be imaps:// or imap://");
        }
        if (u.getHost() == null || u.getUserInfo() == null || u.getUserInfo().isEmpty()) {
            throw ConfigException.forKey(k + "url",
                    "key '" + k + "url': needs user@host, as in imaps://bridge@mail.example.org/INBOX");
        }
        if (u.getUserInfo().contains(":")) {
            // A password in the URL ends up in logs and process listings: refuse it outright.
            throw ConfigException.forKey(k + "url", "key '" + k + "url': no password in the URL; use password_file");
        }
        boolean tls = scheme.equals("imaps");
        int port = u.getPort() > 0 ? u.getPort() : tls ? 993 : 143;
        String folder = u.getPath() == null || u.getPath().length() <= 1 ? "INBOX" : u.getPath().substring(1);
        ImapSettings.After after = switch (r.after() == null ? "move" : r.after()) {
            case "move" -> ImapSettings.After.MOVE;
            case "flag" -> ImapSettings.After.FLAG;
            case "delete" -> ImapSettings.After.DELETE;
            default -> throw ConfigException.forKey(k + "after", "key '" + k + "after': '" + r.after()
                    + "' (expected \"move\", \"flag\" or \"delete\")");
        };
        Optional<Path> ca = r.caFile() == null ? Optional.empty() : Optional.of(readable(k + "ca_file", base, r.caFile()));
        Duration retryMin = duration(k + "retry_min", r.retryMin(), Duration.ofSeconds(1));
        return new ImapSettings(tls, u.getHost(), port, u.getUserInfo(), folder,
                readable(k + "password_file", base, r.passwordFile()), ca, after,
                r.moveTo() == null ? "mailbridge-done" : r.moveTo(),
                duration(k + "poll_interval", r.pollInterval(), Duration.ofSeconds(60)),
                !Boolean.FALSE.equals(r.idle()), retryMin,
                duration(k + "retry_max", r.retryMax(), Duration.ofMinutes(5)));
    }

    private static InetSocketAddress listen(String key, String v) throws ConfigException {
        int colon = v.lastIndexOf(':');
        if (colon <= 0) {
            throw ConfigException.forKey(key, "key '" + key + "': '" + v + "' is not host:port");
        }
        String host = v.substring(0, colon).replaceAll("^\\[|\\]$", "");
        int port;
        try {
            port = Integer.parseInt(v.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw ConfigException.forKey(key, "key '" + key + "': '" + v + "' has no port number", e);
        }
        if (port < 0 || port > 65535) {
            throw ConfigException.forKey(key, "key '" + key + "': " + port + " is not a port number");
        }
        try {
            // A literal address, or a name the resolver knows (a listener's own address).
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw ConfigException.forKey(key, "key '" + key + "': unknown host '" + host + "'", e);
        }
    }

    private static Path readable(String key, Path base, String v) throws ConfigException {
        Path p = ConfigBuilder.resolve(base, key, v);
        if (!Files.isReadable(p)) {
            throw ConfigException.forKey(key, "key '" + key + "': cannot read " + p);
        }
        return p;
    }

    private static int positive(String key, Integer v, int dflt) throws ConfigException {
        if (v == null) {
            return dflt;
        }
        if (v <= 0) {
            throw ConfigException.forKey(key, "key '" + key + "': must be positive");
        }
        return v;
    }

    private static Duration duration(String key, String v, Duration dflt) throws ConfigException {
        return v == null ? dflt : Units.duration(key, v);
    }

    private static String localName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
