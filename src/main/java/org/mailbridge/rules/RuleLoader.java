package org.mailbridge.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.mailbridge.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the rule files: first those bundled in the application ({@code parsers/*.toml} of the
 * source tree, so Koji, Bodhi, Pagure, pkgdb and FAS work with no configuration), then each
 * directory of {@code rules_dirs} in order. A file whose {@code id} was already loaded from an
 * earlier place replaces it: the site's {@code /etc/mailbridge/parsers.d/koji.toml} overrides
 * the shipped Koji rules. Two files with one id in the same place are an error. A directory that
 * does not exist is skipped (the defaults name directories a package may not have created).
 *
 * <p>Every file is checked and every error reported before loading fails: a broken rule file
 * stops the daemon from starting rather than being skipped.
 */
public final class RuleLoader {
    /** Where bundled rule files live on the class path. */
    public static final String BUNDLED = "mailbridge/parsers";
    private static final Logger LOG = LoggerFactory.getLogger(RuleLoader.class);

    private RuleLoader() {
    }

    /**
     * Loads the bundled rules and those of {@code dirs}.
     *
     * @return the parsers in load order, overridden ones removed
     * @throws ConfigException naming every problem, one {@code file:line: message} a line
     */
    public static List<RuleParser> load(List<Path> dirs) throws ConfigException {
        return load(bundled(), dirs);
    }

    /** Loads from explicit bundled texts (file name → text) in name order, then the directories. */
    public static List<RuleParser> load(Map<String, String> bundled, List<Path> dirs) throws ConfigException {
        List<String> errors = new ArrayList<>();
        Map<String, RuleParser> byId = new LinkedHashMap<>();
        Map<String, RuleParser> place = new LinkedHashMap<>();
        new java.util.TreeMap<>(bundled).forEach((name, text) -> RuleFileReader.read(text, "bundled:parsers/" + name, null, errors)
                .ifPresent(p -> add(p, byId, place, errors)));
        for (Path dir : dirs) {
            place.clear();
            for (Path f : files(dir, errors)) {
                try {
                    String text = Files.readString(f, StandardCharsets.UTF_8);
                    RuleFileReader.read(text, f.toString(), f, errors).ifPresent(p -> add(p, byId, place, errors));
                } catch (IOException | UncheckedIOException e) {
                    errors.add(f + ": cannot read: " + e.getMessage());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigException((errors.size() == 1 ? "" : errors.size() + " errors in rule files:\n")
                    + String.join("\n", errors));
        }
        return List.copyOf(byId.values());
    }

    private static void add(RuleParser p, Map<String, RuleParser> byId, Map<String, RuleParser> place,
                            List<String> errors) {
        RuleParser same = place.put(p.id(), p);
        if (same != null) {
            errors.add(p.source() + ": parser id '" + p.id() + "' is also defined by " + same.source());
            return;
        }
        RuleParser earlier = byId.put(p.id(), p); // a later place overrides an earlier one
        if (earlier != null) {
            LOG.info("msg=\"rule file overrides another\" parser={} file={} overridden={}", p.id(), p.source(),
                    earlier.source());
        }
    }

    private static List<Path> files(Path dir, List<String> errors) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".toml") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            errors.add(dir + ": cannot list: " + e.getMessage());
            return List.of();
        }
    }

    /** The bundled rule files, by file name, sorted. */
    static Map<String, String> bundled() throws ConfigException {
        URL url = RuleLoader.class.getClassLoader().getResource(BUNDLED);
        if (url == null) {
            return Map.of();
        }
        Map<String, String> out = new java.util.TreeMap<>();
        try {
            for (String name : listing(url)) {
                try (InputStream in = RuleLoader.class.getClassLoader().getResourceAsStream(BUNDLED + "/" + name)) {
                    if (in != null) {
                        out.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new ConfigException("cannot read the bundled rule files at " + url + ": " + e.getMessage(), e);
        }
        return Collections.unmodifiableMap(out);
    }

    private static List<String> listing(URL url) throws IOException, URISyntaxException {
        if (url.getProtocol().equals("jar")) {
            JarURLConnection c = (JarURLConnection) url.openConnection();
            c.setUseCaches(false);
            try (JarFile jar = c.getJarFile()) {
                String prefix = BUNDLED + "/";
                return jar.stream().map(e -> e.getName())
                        .filter(n -> n.startsWith(prefix) && n.endsWith(".toml") && n.indexOf('/', prefix.length()) < 0)
                        .map(n -> n.substring(prefix.length())).sorted().toList();
            }
        }
        try (Stream<Path> s = Files.list(Path.of(url.toURI()))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".toml")).sorted().toList();
        }
    }
}
