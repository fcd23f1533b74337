package org.mailbridge.parse.bugzilla;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mailbridge.spi.ParserConfigException;
import org.mailbridge.spi.ParserSettings;
import org.mailbridge.spi.SenderPolicy;

/**
 * The {@code [parsers.bugzilla]} settings, read once at start.
 *
 * <p>{@code instances} is either a list of base URLs (each with its defaults: see
 * {@link Instance}) or a table of named instances:
 * <pre>
 * [parsers.bugzilla.instances.kde]
 * url = "https://bugs.kde.org/"
 * products = ["plasmashell", "kwin"]      # default: every product (Fedora's: Fedora, Fedora EPEL)
 * package_products = []                   # default: none (Fedora's: Fedora, Fedora EPEL)
 * </pre>
 *
 * @param instances the trusted instances, by normalised base URL (lower-case scheme and host,
 *     trailing slash); a mail's {@code X-Bugzilla-URL} must be one of them
 * @param senders who may send bugmail ({@code From} or envelope sender)
 */
record BugzillaSettings(Map<String, Instance> instances, SenderPolicy senders) {
    /** The default sender: what bugzilla.redhat.com sends as. */
    static final List<String> DEFAULT_SENDERS = List.of("bugzilla@redhat.com");
    /** Components of Fedora's products that are not packages (as bugzilla2fedmsg lists them). */
    private static final Set<String> NOT_PACKAGES = Set.of("distribution", "LiveCD", "LiveCD - FEL",
            "LiveCD - Games", "LiveCD - KDE", "LiveCD - LXDE", "LiveCD - Xfce", "Package Review");
    private static final Set<String> INSTANCE_KEYS = Set.of("url", "products", "package_products");

    BugzillaSettings {
        instances = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(instances));
    }

    /** The defaults, as with an empty {@code [parsers.bugzilla]}. */
    static BugzillaSettings defaults() {
        return new BugzillaSettings(Map.of(Instance.FEDORA_URL, Instance.withDefaults("redhat", Instance.FEDORA_URL)),
                SenderPolicy.of(DEFAULT_SENDERS));
    }

    /** Reads and checks the table. */
    static BugzillaSettings read(ParserSettings s) throws ParserConfigException {
        s.allowOnly(Set.of("instances"));
        Map<String, Instance> out = new LinkedHashMap<>();
        Object raw = s.asMap().get("instances");
        if (raw instanceof Map<?, ?> table) {
            for (Map.Entry<?, ?> e : table.entrySet()) {
                Instance i = instance(String.valueOf(e.getKey()), e.getValue());
                if (out.put(i.url(), i) != null) {
                    throw new ParserConfigException("key 'parsers.bugzilla.instances': " + i.url() + " is listed twice");
                }
            }
        } else {
            List<String> bases = new ArrayList<>();
            for (String url : s.strings("instances").orElse(List.of(Instance.FEDORA_URL))) {
                bases.add(base("instances", url));
            }
            for (String base : bases) {
                String name = Instance.nameOf(base, false);
                boolean clash = bases.stream().filter(b -> !b.equals(base)).anyMatch(b -> Instance.nameOf(b, false).equals(name));
                out.put(base, Instance.withDefaults(clash ? Instance.nameOf(base, true) : name, base));
            }
        }
        if (out.isEmpty()) {
            throw new ParserConfigException("key 'parsers.bugzilla.instances' must name at least one instance");
        }
        long names = out.values().stream().map(Instance::name).distinct().count();
        if (names != out.size()) {
            throw new ParserConfigException("key 'parsers.bugzilla.instances': two instances have the same name "
                    + out.values().stream().map(Instance::name).toList() + "; name them in a table");
        }
        return new BugzillaSettings(out, s.senders(DEFAULT_SENDERS));
    }

    private static Instance instance(String name, Object value) throws ParserConfigException {
        String key = "parsers.bugzilla.instances." + name;
        if (!(value instanceof Map<?, ?> m)) {
            throw new ParserConfigException("key '" + key + "' must be a table with url, products, package_products");
        }
        Map<String, Object> t = new LinkedHashMap<>();
        m.forEach((k, v) -> t.put(String.valueOf(k), v));
        ParserSettings ps = new ParserSettings("bugzilla.instances." + name, t);
        for (String k : t.keySet()) {
            if (!INSTANCE_KEYS.contains(k)) {
                throw new ParserConfigException("unknown key '" + key + "." + k + "' (known: " + INSTANCE_KEYS + ")");
            }
        }
        String url = base(key.substring("parsers.bugzilla.".length()) + ".url", ps.string("url").orElseThrow(
                () -> new ParserConfigException("key '" + key + ".url' is missing")));
        try {
            Instance d = Instance.withDefaults(name, url);
            return new Instance(name, url,
                    ps.strings("products").map(l -> (Set<String>) Set.copyOf(l)).or(d::products),
                    ps.strings("package_products").orElse(d.packageProducts()));
        } catch (IllegalArgumentException e) {
            throw new ParserConfigException("key '" + key + "': " + e.getMessage());
        }
    }

    private static String base(String key, String url) throws ParserConfigException {
        return normalize(url).orElseThrow(() -> new ParserConfigException(
                "key 'parsers.bugzilla." + key + "': '" + url + "' is not an http(s) base URL"));
    }

    /** The configured instance of a mail's {@code X-Bugzilla-URL}, if it is one. */
    Optional<Instance> instance(Optional<String> xBugzillaUrl) {
        return xBugzillaUrl.flatMap(BugzillaSettings::normalize).map(instances::get);
    }

    /** A base URL with lower-case scheme and host and a trailing slash; empty if not http(s). */
    static Optional<String> normalize(String url) {
        try {
            URI u = new URI(url.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null
                    || u.getRawQuery() != null || u.getRawFragment() != null) {
                return Optional.empty();
            }
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            String port = u.getPort() < 0 ? "" : ":" + u.getPort();
            return Optional.of(scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + port
                    + (path.endsWith("/") ? path : path + "/"));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The packages an event concerns: the component, when the instance says the product's components are packages. */
    static Set<String> packagesOf(Optional<Instance> instance, String product, String component) {
        if (instance.isPresent() && instance.get().packageProducts().contains(product) && !component.isBlank()
                && !NOT_PACKAGES.contains(component)) {
            return Set.of(component);
        }
        return Set.of();
    }

    /** The base URLs, for messages. */
    List<String> urls() {
        return new ArrayList<>(instances.keySet());
    }
}
