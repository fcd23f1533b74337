package org.mailbridge.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated configuration: every default applied, every value checked.
 *
 * @param file the file it was read from, or empty when running on defaults
 * @param spool the spool root
 * @param topicPrefix first part of every topic ({@code org.fedoraproject})
 * @param environment second part of every topic ({@code prod}, {@code stg})
 * @param unclaimed what to do with mail no parser claims
 * @param rulesDirs directories of rule files, in load order
 * @param pluginsDir directory of parser plugin jars
 * @param archive keep published messages in {@code archive/} instead of deleting them
 * @param embeddedBrokerPort port of the embedded broker (127.0.0.1 only)
 * @param embeddedBrokerWorkDir the embedded broker's work directory
 * @param domains the broker connections, never empty: without {@code [domains.*]} it holds the
 *     embedded broker
 * @param limits bounds on reading one mail
 * @param daemon daemon pacing
 * @param status health thresholds
 * @param accounts how addresses map to accounts ({@code [accounts]})
 * @param parsers per-parser settings, {@code [parsers.<id>]}
 * @param intake the SMTP and IMAP intakes, {@code [intake.*]}
 * @param spoolReserve free bytes {@code deliver} leaves on the spool's file system: it refuses
 *     mail (75, the MTA retries) rather than fill it, so that the daemon can still write reasons
 * @param trust site-wide trust requirements
 */
public record Config(Optional<Path> file, Path spool, String topicPrefix, String environment, Unclaimed unclaimed,
                     List<Path> rulesDirs, Path pluginsDir, boolean archive, int embeddedBrokerPort,
                     Path embeddedBrokerWorkDir, List<Domain> domains, Limits limits, DaemonSettings daemon,
                     StatusSettings status, AccountSettings accounts, Map<String, Map<String, Object>> parsers,
                     IntakeSettings intake, long spoolReserve, TrustSettings trust) {
    /** Default {@code spool_reserve}: 32 MiB. */
    public static final long DEFAULT_SPOOL_RESERVE = 32L << 20;

    public Config {
        rulesDirs = List.copyOf(rulesDirs);
        domains = List.copyOf(domains);
        parsers = Map.copyOf(parsers);
    }

    /** The same configuration with other domains. */
    public Config withDomains(List<Domain> newDomains) {
        return new Config(file, spool, topicPrefix, environment, unclaimed, rulesDirs, pluginsDir, archive,
                embeddedBrokerPort, embeddedBrokerWorkDir, newDomains, limits, daemon, status, accounts, parsers, intake,
                spoolReserve, trust);
    }

    /** The same configuration with other intakes. */
    public Config withIntake(IntakeSettings newIntake) {
        return new Config(file, spool, topicPrefix, environment, unclaimed, rulesDirs, pluginsDir, archive,
                embeddedBrokerPort, embeddedBrokerWorkDir, domains, limits, daemon, status, accounts, parsers, newIntake,
                spoolReserve, trust);
    }

    /** Whether the daemon must start the embedded broker itself. */
    public boolean usesEmbeddedBroker() {
        return domains.stream().anyMatch(Domain::embedded);
    }

    /** Settings of one parser, empty when the file has no {@code [parsers.<id>]} table. */
    public Map<String, Object> parserSettings(String id) {
        return parsers.getOrDefault(id, Map.of());
    }
}
