package org.mailbridge.accounts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.mailbridge.config.ConfigException;
import org.mailbridge.log.LogFmt;
import org.mailbridge.spi.AccountNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site's own address → account file: one {@code address account} pair a line, {@code #}
 * comments. It is read at start (a missing or broken file is a configuration error then) and
 * read again when its time stamp or size changes; a later broken edit is logged and the last
 * good map kept, so a typo never empties the map under a running daemon.
 */
final class SiteMap {
    private static final Logger LOG = LoggerFactory.getLogger(SiteMap.class);

    private final Path file;
    private final long recheckNanos;
    private volatile Map<String, String> map;
    private volatile Stamp stamp;
    private volatile long checkedAt;

    private record Stamp(FileTime modified, long size) {
    }

    /**
     * @param recheck how often, at most, the file's time stamp is looked at
     * @throws ConfigException when the file cannot be read or has a bad line
     */
    SiteMap(Path file, Duration recheck) throws ConfigException {
        this.file = file;
        this.recheckNanos = recheck.toNanos();
        try {
            this.stamp = stamp();
            this.map = read(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException("key 'accounts.map_file': cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
        this.checkedAt = System.nanoTime();
    }

    /** The account the file gives an address (compared without regard to case). */
    Optional<String> account(String address) {
        refresh();
        return Optional.ofNullable(map.get(address.toLowerCase(Locale.ROOT)));
    }

    private void refresh() {
        long now = System.nanoTime();
        if (now - checkedAt < recheckNanos) {
            return;
        }
        synchronized (this) {
            if (now - checkedAt < recheckNanos) {
                return;
            }
            checkedAt = now;
            try {
                Stamp s = stamp();
                if (s.equals(stamp)) {
                    return;
                }
                map = read(Files.readAllLines(file, StandardCharsets.UTF_8));
                stamp = s;
                LOG.info("{}", LogFmt.msg("accounts map reloaded").kv("file", file).kv("entries", map.size()));
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("{}", LogFmt.msg("accounts map not reloaded, the last good one stays").kv("file", file)
                        .kv("err", e.getMessage()));
            }
        }
    }

    private Stamp stamp() throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new Stamp(a.lastModifiedTime(), a.size());
    }

    private Map<String, String> read(List<String> lines) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String[] words = (hash >= 0 ? line.substring(0, hash) : line).strip().split("\\s+");
            if (words.length == 1 && words[0].isEmpty()) {
                continue;
            }
            if (words.length != 2 || words[0].indexOf('@') <= 0 || !AccountNames.isAccountName(words[1])) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected 'address account'");
            }
            out.put(words[0].toLowerCase(Locale.ROOT), words[1]);
        }
        return Map.copyOf(out);
    }
}
