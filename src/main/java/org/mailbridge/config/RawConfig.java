package org.mailbridge.config;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The configuration file as written, before defaults and validation: every field may be null.
 * Jackson binds the TOML onto these records with unknown keys refused, which is what gives an
 * operator "unknown key X at line N" instead of a silently ignored typo.
 */
record RawConfig(
        String spool,
        String topicPrefix,
        String environment,
        String unclaimed,
        List<String> rulesDirs,
        String pluginsDir,
        Boolean archive,
        RawEmbeddedBroker embeddedBroker,
        Map<String, RawDomain> domains,
        RawLimits limits,
        RawDaemon daemon,
        RawStatus status,
        RawAccounts accounts,
        Map<String, Map<String, Object>> parsers,
        RawIntake intake,
        RawMetrics metrics,
        String spoolReserve,
        RawTrust trust) {

    static RawConfig empty() {
        return new RawConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    record RawTrust(String authservId) {
    }
    record RawIntake(RawSmtp smtp, RawImap imap) {
    }

    record RawSmtp(String listen, String hostname, List<String> recipients, String maxMessageSize,
                   Integer maxConnections, Integer maxConnectionsPerClient, Integer maxRecipients,
                   Integer maxMessagesPerSecond, String timeout, String tlsCertFile, String tlsKeyFile,
                   Boolean requireTls, String authUsername, String authPasswordFile) {
    }

    record RawImap(String url, String passwordFile, String caFile, String after, String moveTo, String pollInterval,
                   Boolean idle, String retryMin, String retryMax) {
    }

    record RawEmbeddedBroker(Integer port, String workDir) {
    }

    record RawDomain(
            String url,
            String protocol,
            String broker,
            String address,
            String username,
            String password,
            String passwordFile,
            String caFile,
            String certFile,
            String keyFile,
            List<String> topics,
            List<String> parsers,
            @JsonProperty("default") Boolean isDefault) {
    }

    record RawLimits(String maxMessageSize, Integer maxHeaderCount, String maxHeaderLength, String maxLineLength,
            Integer maxDepth, Integer maxParts, String maxPartText, String maxMailText, String pluginTimeout) {
    }

    record RawDaemon(String pollInterval, String retryMin, String retryMax, String publishTimeout, String probeInterval,
            String sweepInterval, String tmpMaxAge, Integer window, Integer workers) {
    }

    record RawStatus(String maxWait, String heartbeatMaxAge, Integer maxQuarantine, Map<String, String> quiet) {
    }

    record RawMetrics(String listen) {
    }

    record RawAccounts(List<String> userDomains, String mapFile, String fasjsonUrl, String timeout, String cacheTtl,
                       String failureCooldown, String lookupBudget) {
    }
}
