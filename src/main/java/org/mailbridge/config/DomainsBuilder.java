package org.mailbridge.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@code [domains.*]} tables into {@link Domain}s: protocol and broker defaults,
 * address templates, secrets read from files, TLS files, routes. Without any table, one domain:
 * the embedded broker.
 */
final class DomainsBuilder {
    private DomainsBuilder() {
    }

    static List<Domain> build(Map<String, RawConfig.RawDomain> raw, Path base, int embeddedPort)
            throws ConfigException {
        List<Domain> out = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            out.add(Domain.plain("default", "amqp://127.0.0.1:" + embeddedPort, BrokerKind.QPID, true));
            return out;
        }
        int defaults = 0;
        for (Map.Entry<String, RawConfig.RawDomain> e : raw.entrySet()) {
            Domain d = domain(e.getKey(), e.getValue(), base, raw.size() == 1);
            defaults += d.isDefault() ? 1 : 0;
            out.add(d);
        }
        if (defaults > 1) {
            throw new ConfigException("more than one domain has 'default = true'");
        }
        return out;
    }

    private static Domain domain(String name, RawConfig.RawDomain d, Path base, boolean only) throws ConfigException {
        String k = "domains." + name;
        if (d == null || d.url() == null || d.url().isBlank()) {
            throw ConfigException.forKey(k + ".url", "key '" + k + ".url' is required");
        }
        Protocol protocol = d.protocol() == null ? Protocol.AMQP_1_0 : ConfigBuilder.wrap(k + ".protocol", () -> Protocol.byId(d.protocol()));
        BrokerKind broker = d.broker() != null ? ConfigBuilder.wrap(k + ".broker", () -> BrokerKind.byId(d.broker()))
                : protocol == Protocol.AMQP_0_9_1 ? BrokerKind.RABBITMQ : BrokerKind.QPID;
        String url = d.url().strip();
        checkUrl(k + ".url", url, protocol);
        String address = d.address() == null ? broker.publishAddress() : d.address();
        if (!address.contains("{topic}")) {
            throw ConfigException.forKey(k + ".address", "key '" + k + ".address': the template must contain {topic}");
        }
        if (d.password() != null && d.passwordFile() != null) {
            throw ConfigException.forKey(k + ".password",
                    "keys '" + k + ".password' and '" + k + ".password_file' exclude each other");
        }
        String password = d.password();
        if (d.passwordFile() != null) {
            password = secret(k + ".password_file", ConfigBuilder.resolve(base, k + ".password_file", d.passwordFile()));
        }
        Optional<Path> ca = optionalFile(base, k + ".ca_file", d.caFile());
        Optional<Path> cert = optionalFile(base, k + ".cert_file", d.certFile());
        Optional<Path> key = optionalFile(base, k + ".key_file", d.keyFile());
        if (cert.isPresent() != key.isPresent()) {
            throw ConfigException.forKey(k + ".cert_file",
                    "keys '" + k + ".cert_file' and '" + k + ".key_file' go together");
        }
        List<String> topics = d.topics() == null ? List.of() : d.topics();
        for (String t : topics) {
            if (t == null || !t.matches("[A-Za-z0-9_*#-]+(\\.[A-Za-z0-9_*#-]+)*")) {
                throw ConfigException.forKey(k + ".topics",
                        "key '" + k + ".topics': '" + t + "' is not a topic pattern (words, *, #)");
            }
        }
        boolean isDefault = d.isDefault() != null ? d.isDefault()
                : only && topics.isEmpty() && (d.parsers() == null || d.parsers().isEmpty());
        return new Domain(name, url, protocol, broker, address, d.username(), password, ca, cert, key, topics,
                d.parsers() == null ? List.of() : d.parsers(), isDefault, false);
    }

    private static void checkUrl(String key, String url, Protocol protocol) throws ConfigException {
        String lower = url.toLowerCase(Locale.ROOT);
        boolean ok = protocol == Protocol.AMQP_0_9_1
                ? lower.startsWith("amqp://") || lower.startsWith("amqps://")
                : lower.startsWith("amqp://") || lower.startsWith("amqps://") || lower.startsWith("amqpws://")
                        || lower.startsWith("amqpwss://") || lower.startsWith("failover:");
        if (!ok) {
            throw ConfigException.forKey(key,
                    "key '" + key + "': '" + url + "' is not an AMQP URL for " + protocol.id());
        }
        if (url.matches("(?i)^(failover:\\(\\s*)?amqps?(ws|wss)?://[^/?@]*@.*")) {
            // Qpid JMS refuses user-info in URLs, and secrets do not belong in URLs anyway.
            throw ConfigException.forKey(key,
                    "key '" + key + "': put credentials in username and password_file, not in the URL");
        }
    }

    private static Optional<Path> optionalFile(Path base, String key, String v) throws ConfigException {
        if (v == null) {
            return Optional.empty();
        }
        Path p = ConfigBuilder.resolve(base, key, v);
        if (!Files.isReadable(p)) {
            throw ConfigException.forKey(key, "key '" + key + "': " + p + " is not readable");
        }
        return Optional.of(p);
    }

    private static String secret(String key, Path p) throws ConfigException {
        try {
            return Files.readString(p, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw ConfigException.forKey(key, "key '" + key + "': cannot read " + p + ": " + e.getMessage(), e);
        }
    }
}
