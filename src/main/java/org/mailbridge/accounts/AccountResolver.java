package org.mailbridge.accounts;

import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.mailbridge.config.AccountSettings;
import org.mailbridge.config.ConfigException;
import org.mailbridge.log.LogFmt;
import org.mailbridge.spi.AccountNames;
import org.mailbridge.spi.Accounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's one {@link Accounts}: an address is an account when its domain is one of
 * {@code user_domains} (the local part, as bugzilla2fedmsg does for {@code fedoraproject.org}),
 * else when the site map file names it, else when the optional FASJSON directory knows it.
 *
 * <p>The directory is asked at most once per address per {@code cache_ttl} (answers, "no such
 * user" included, are cached); a failed request gives no account and silences the directory for
 * {@code failure_cooldown}, so an outage costs one timeout, not one per address (no retry
 * storm); and one call of {@link #accounts} spends at most {@code lookup_budget} on it. A mail is
 * therefore never held by the directory for long, and never stuck.
 */
public final class AccountResolver implements Accounts {
    private static final Logger LOG = LoggerFactory.getLogger(AccountResolver.class);
    /** Cached answers kept at most; past it the cache starts over rather than grow. */
    static final int MAX_CACHED = 50_000;

    private final Set<String> userDomains;
    private final Optional<SiteMap> siteMap;
    private final Optional<DirectoryLookup> directory;
    private final AccountSettings settings;
    private final LongSupplier nanos;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private volatile long silentUntil;

    private record Cached(Optional<String> account, long expires) {
    }

    AccountResolver(AccountSettings settings, Duration mapRecheck, LongSupplier nanos) throws ConfigException {
        this.settings = settings;
        this.userDomains = Set.copyOf(settings.userDomains());
        this.siteMap = settings.mapFile().isPresent()
                ? Optional.of(new SiteMap(settings.mapFile().get(), mapRecheck)) : Optional.empty();
        this.directory = settings.fasjsonUrl().map(u -> new DirectoryLookup(u, settings.timeout()));
        this.nanos = nanos;
        this.silentUntil = nanos.getAsLong();
    }

    /**
     * The resolver the settings describe.
     *
     * @throws ConfigException when the map file cannot be read
     */
    public static AccountResolver create(AccountSettings settings) throws ConfigException {
        return new AccountResolver(settings, Duration.ofSeconds(1), System::nanoTime);
    }

    /** The resolver of the default settings: {@code fedoraproject.org} addresses only. */
    public static AccountResolver defaults() {
        try {
            return create(AccountSettings.DEFAULT);
        } catch (ConfigException e) {
            throw new IllegalStateException("the defaults read no file", e);
        }
    }

    @Override
    public Optional<String> account(String address) {
        return resolve(address, nanos.getAsLong() + settings.lookupBudget().toNanos());
    }

    @Override
    public Set<String> accounts(Collection<String> addresses) {
        long deadline = nanos.getAsLong() + settings.lookupBudget().toNanos();
        Set<String> out = new TreeSet<>();
        for (String a : addresses) {
            resolve(a, deadline).ifPresent(out::add);
        }
        return out;
    }

    private Optional<String> resolve(String text, long deadline) {
        Optional<String> addr = AddrSpec.of(text);
        if (addr.isEmpty()) {
            return Optional.empty();
        }
        String address = addr.get();
        int at = address.lastIndexOf('@');
        String local = address.substring(0, at);
        if (userDomains.contains(address.substring(at + 1).toLowerCase(Locale.ROOT))) {
            return AccountNames.isAccountName(local) ? Optional.of(local) : Optional.empty();
        }
        if (siteMap.isPresent()) {
            Optional<String> mapped = siteMap.get().account(address);
            if (mapped.isPresent()) {
                return mapped;
            }
        }
        return directory.isEmpty() ? Optional.empty() : remote(address.toLowerCase(Locale.ROOT), deadline);
    }

    private Optional<String> remote(String address, long deadline) {
        long now = nanos.getAsLong();
        Cached c = cache.get(address);
        if (c != null && now - c.expires() < 0) {
            return c.account();
        }
        if (now - silentUntil < 0 || now - deadline >= 0) {
            return Optional.empty();
        }
        try {
            Optional<String> found = directory.get().find(address);
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(address, new Cached(found, nanos.getAsLong() + settings.cacheTtl().toNanos()));
            return found;
        } catch (DirectoryLookup.Failure e) {
            silentUntil = nanos.getAsLong() + settings.failureCooldown().toNanos();
            LOG.warn("{}", LogFmt.msg("account directory failed; no lookups for a while").kv("err", e.getMessage())
                    .kv("pause", settings.failureCooldown()));
            return Optional.empty();
        }
    }
}
