package org.mailbridge.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mailbridge.spi.Topics;

/** Applies the coded defaults to a {@link RawConfig} and checks every value. */
final class ConfigBuilder {
    /** The embedded broker's default port: not 5672, where a system broker usually listens. */
    static final int EMBEDDED_PORT = 5673;
    private static final List<String> DEFAULT_RULES_DIRS =
            List.of("/usr/share/mailbridge/parsers", "/etc/mailbridge/parsers.d");

    private ConfigBuilder() {
    }

    static Config build(RawConfig raw, Optional<Path> file, Map<String, String> env) throws ConfigException {
        Path base = file.map(f -> f.toAbsolutePath().getParent()).orElse(Path.of("").toAbsolutePath());
        Path spool = raw.spool() == null ? ConfigLocation.defaultSpool(env) : resolve(base, "spool", raw.spool());
        String prefix = topicPart("topic_prefix", raw.topicPrefix(), "org.fedoraproject");
        String environment = topicPart("environment", raw.environment(), "prod");
        Unclaimed unclaimed = unclaimed(raw.unclaimed());
        List<Path> rulesDirs = new ArrayList<>();
        for (String d : raw.rulesDirs() == null ? DEFAULT_RULES_DIRS : raw.rulesDirs()) {
            rulesDirs.add(resolve(base, "rules_dirs", d));
        }
        Path plugins = resolve(base, "plugins_dir",
                raw.pluginsDir() == null ? "/usr/share/mailbridge/plugins" : raw.pluginsDir());
        int port = EMBEDDED_PORT;
        Path workDir = ConfigLocation.dataDir(env).resolve("broker");
        if (raw.embeddedBroker() != null) {
            if (raw.embeddedBroker().port() != null) {
                port = raw.embeddedBroker().port();
                if (port < 0 || port > 65535) {
                    throw ConfigException.forKey("embedded_broker.port",
                            "key 'embedded_broker.port': " + port + " is not a port number");
                }
            }
            if (raw.embeddedBroker().workDir() != null) {
                workDir = resolve(base, "embedded_broker.work_dir", raw.embeddedBroker().workDir());
            }
        }
        List<Domain> domains = DomainsBuilder.build(raw.domains(), base, port);
        Map<String, Map<String, Object>> parsers = new LinkedHashMap<>();
        if (raw.parsers() != null) {
            raw.parsers().forEach((k, v) -> parsers.put(k, v == null ? Map.of() : v));
        }
        Limits limits = limits(raw.limits());
        return new Config(file, spool, prefix, environment, unclaimed, rulesDirs, plugins,
                Boolean.TRUE.equals(raw.archive()), port, workDir, domains, limits,
                daemon(raw.daemon()), status(raw.status()), AccountSettings.build(raw.accounts(), base), parsers,
                IntakeBuilder.build(raw.intake(), base, limits),
                MetricsSettings.parse(raw.metrics() == null ? null : raw.metrics().listen()),
                raw.spoolReserve() == null ? Config.DEFAULT_SPOOL_RESERVE : Units.size("spool_reserve", raw.spoolReserve()),
                raw.trust() == null ? TrustSettings.NONE : new TrustSettings(Optional.ofNullable(raw.trust().authservId())));
    }

    private static Limits limits(RawConfig.RawLimits r) throws ConfigException {
        Limits d = Limits.DEFAULT;
        if (r == null) {
            return d;
        }
        long size = r.maxMessageSize() == null ? d.maxMessageSize() : Units.size("limits.max_message_size", r.maxMessageSize());
        int count = r.maxHeaderCount() == null ? d.maxHeaderCount() : r.maxHeaderCount();
        long header = r.maxHeaderLength() == null ? d.maxHeaderLength() : Units.size("limits.max_header_length", r.maxHeaderLength());
        long line = r.maxLineLength() == null ? d.maxLineLength() : Units.size("limits.max_line_length", r.maxLineLength());
        int depth = r.maxDepth() == null ? d.maxDepth() : r.maxDepth();
        int parts = r.maxParts() == null ? d.maxParts() : r.maxParts();
        long partText = r.maxPartText() == null ? d.maxPartText() : Units.size("limits.max_part_text", r.maxPartText());
        long mailText = r.maxMailText() == null ? d.maxMailText() : Units.size("limits.max_mail_text", r.maxMailText());
        java.time.Duration plugin = r.pluginTimeout() == null ? d.pluginTimeout()
                : Units.duration("limits.plugin_timeout", r.pluginTimeout());
        if (count <= 0 || depth <= 0 || parts <= 0 || header > Integer.MAX_VALUE || line > Integer.MAX_VALUE
                || partText <= 0 || partText > Integer.MAX_VALUE || mailText <= 0 || mailText > Integer.MAX_VALUE
                || plugin.isZero()) {
            throw ConfigException.forKey("limits", "key 'limits': values out of range");
        }
        return new Limits(size, count, (int) header, (int) line, depth, parts, (int) partText, (int) mailText, plugin);
    }

    private static DaemonSettings daemon(RawConfig.RawDaemon r) throws ConfigException {
        DaemonSettings d = DaemonSettings.DEFAULT;
        if (r == null) {
            return d;
        }
        return new DaemonSettings(
                r.pollInterval() == null ? d.pollInterval() : Units.duration("daemon.poll_interval", r.pollInterval()),
                r.retryMin() == null ? d.retryMin() : Units.duration("daemon.retry_min", r.retryMin()),
                r.retryMax() == null ? d.retryMax() : Units.duration("daemon.retry_max", r.retryMax()),
                r.publishTimeout() == null ? d.publishTimeout() : Units.duration("daemon.publish_timeout", r.publishTimeout()),
                r.probeInterval() == null ? d.probeInterval() : Units.duration("daemon.probe_interval", r.probeInterval()),
                r.sweepInterval() == null ? d.sweepInterval() : Units.duration("daemon.sweep_interval", r.sweepInterval()),
                r.tmpMaxAge() == null ? d.tmpMaxAge() : Units.duration("daemon.tmp_max_age", r.tmpMaxAge()),
                positive("daemon.window", r.window(), d.window(), 1),
                positive("daemon.workers", r.workers(), d.workers(), 0));
    }

    private static int positive(String key, Integer value, int otherwise, int min) throws ConfigException {
        if (value == null) {
            return otherwise;
        }
        if (value < min || value > 65_536) {
            throw ConfigException.forKey(key, "key '" + key + "': must be between " + min + " and 65536, not " + value);
        }
        return value;
    }

    private static StatusSettings status(RawConfig.RawStatus r) throws ConfigException {
        StatusSettings d = StatusSettings.DEFAULT;
        if (r == null) {
            return d;
        }
        return new StatusSettings(
                r.maxWait() == null ? d.maxWait() : Units.duration("status.max_wait", r.maxWait()),
                r.heartbeatMaxAge() == null ? d.heartbeatMaxAge() : Units.duration("status.heartbeat_max_age", r.heartbeatMaxAge()),
                r.maxQuarantine() == null ? d.maxQuarantine() : r.maxQuarantine(),
                quiet(r.quiet()));
    }

    private static Map<String, java.time.Duration> quiet(Map<String, String> raw) throws ConfigException {
        Map<String, java.time.Duration> out = new LinkedHashMap<>();
        if (raw != null) {
            for (Map.Entry<String, String> e : raw.entrySet()) {
                java.time.Duration d = Units.duration("status.quiet." + e.getKey(), e.getValue());
                if (d.isZero()) {
                    throw new ConfigException("key 'status.quiet." + e.getKey() + "': must be longer than 0");
                }
                out.put(e.getKey(), d);
            }
        }
        return out;
    }

    private static Unclaimed unclaimed(String v) throws ConfigException {
        if (v == null || v.equals("quarantine")) {
            return Unclaimed.QUARANTINE;
        }
        if (v.equals("publish")) {
            return Unclaimed.PUBLISH;
        }
        throw ConfigException.forKey("unclaimed",
                "key 'unclaimed': '" + v + "' (expected \"quarantine\" or \"publish\")");
    }

    private static String topicPart(String key, String v, String dflt) throws ConfigException {
        if (v == null) {
            return dflt;
        }
        if (!Topics.isTopic(v)) {
            throw ConfigException.forKey(key,
                    "key '" + key + "': '" + v + "' is not a topic part (" + Topics.SYNTAX + ")");
        }
        return v;
    }

    static Path resolve(Path base, String key, String v) throws ConfigException {
        if (v.isBlank()) {
            throw ConfigException.forKey(key, "key '" + key + "' must not be empty");
        }
        return base.resolve(v).normalize();
    }

    interface Lookup<T> {
        T get() throws ConfigException;
    }

    static <T> T wrap(String key, Lookup<T> l) throws ConfigException {
        try {
            return l.get();
        } catch (ConfigException e) {
            throw ConfigException.forKey(key, "key '" + key + "': " + e.getMessage(), e);
        }
    }
}
