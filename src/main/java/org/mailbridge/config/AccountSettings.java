package org.mailbridge.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code [accounts]} table: how the account resolver maps addresses to accounts.
 *
 * @param userDomains mail domains whose addresses are accounts (the local part); bugzilla2fedmsg's
 *     rule for {@code fedoraproject.org}
 * @param mapFile a site file of {@code address account} lines, reloaded when it changes
 * @param fasjsonUrl the base URL of a FASJSON-compatible directory, searched by
 *     {@code rhbzemail}, then {@code email}
 * @param timeout the longest one directory request may take
 * @param cacheTtl how long an answer (also "no such user") is kept
 * @param failureCooldown after a failed request, how long no request is made at all
 * @param lookupBudget the most time the directory may take for one mail's people together
 */
public record AccountSettings(List<String> userDomains, Optional<Path> mapFile, Optional<URI> fasjsonUrl,
                              Duration timeout, Duration cacheTtl, Duration failureCooldown, Duration lookupBudget) {
    /** The defaults: {@code fedoraproject.org} addresses are accounts; no map file, no directory. */
    public static final AccountSettings DEFAULT = new AccountSettings(List.of("fedoraproject.org"), Optional.empty(),
            Optional.empty(), Duration.ofSeconds(2), Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofSeconds(5));

    public AccountSettings {
        userDomains = userDomains.stream().map(d -> d.strip().toLowerCase(Locale.ROOT)).toList();
        Objects.requireNonNull(mapFile, "mapFile");
        Objects.requireNonNull(fasjsonUrl, "fasjsonUrl");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(cacheTtl, "cacheTtl");
        Objects.requireNonNull(failureCooldown, "failureCooldown");
        Objects.requireNonNull(lookupBudget, "lookupBudget");
    }

    /** Builds the settings from the raw table, with the defaults for what it leaves out. */
    static AccountSettings build(RawConfig.RawAccounts r, Path base) throws ConfigException {
        AccountSettings d = DEFAULT;
        if (r == null) {
            return d;
        }
        Optional<URI> url = Optional.empty();
        if (r.fasjsonUrl() != null) {
            try {
                URI u = new URI(r.fasjsonUrl().strip());
                String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
                    throw new ConfigException("key 'accounts.fasjson_url': '" + r.fasjsonUrl() + "' is not an http(s) URL");
                }
                url = Optional.of(u);
            } catch (java.net.URISyntaxException e) {
                throw new ConfigException("key 'accounts.fasjson_url': " + e.getMessage(), e);
            }
        }
        return new AccountSettings(r.userDomains() == null ? d.userDomains() : r.userDomains(),
                r.mapFile() == null ? Optional.empty() : Optional.of(ConfigBuilder.resolve(base, "accounts.map_file", r.mapFile())),
                url,
                r.timeout() == null ? d.timeout() : Units.duration("accounts.timeout", r.timeout()),
                r.cacheTtl() == null ? d.cacheTtl() : Units.duration("accounts.cache_ttl", r.cacheTtl()),
                r.failureCooldown() == null ? d.failureCooldown()
                        : Units.duration("accounts.failure_cooldown", r.failureCooldown()),
                r.lookupBudget() == null ? d.lookupBudget() : Units.duration("accounts.lookup_budget", r.lookupBudget()));
    }
}
