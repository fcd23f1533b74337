package org.mailbridge.parse.bugzilla;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.mailbridge.spi.ParserConfigException;
import org.mailbridge.spi.ParserSettings;
import org.mailbridge.spi.SenderPolicy;

/**
 * The {@code [parsers.bugzilla]} settings, read once at start.
 *
 * @param instances the trusted instances' base URLs, normalised (lower-case scheme and host,
 *     trailing slash); a mail's {@code X-Bugzilla-URL} must be one of them
 * @param senders who may send bugmail ({@code From} or envelope sender)
 * @param userDomains mail domains whose addresses are account names (local part)
 * @param packageProducts products whose components are packages
 */
record BugzillaSettings(List<String> instances, SenderPolicy senders, List<String> userDomains,
                        List<String> packageProducts) {
    /** The default instance: Fedora's Bugzilla. */
    static final List<String> DEFAULT_INSTANCES = List.of("https://bugzilla.redhat.com/");
    /** The default sender: what bugzilla.redhat.com sends as. */
    static final List<String> DEFAULT_SENDERS = List.of("bugzilla@redhat.com");
    /** The default account domain, as bugzilla2fedmsg maps addresses to Fedora accounts. */
    static final List<String> DEFAULT_USER_DOMAINS = List.of("fedoraproject.org");
    /** The default package products, as bugzilla2fedmsg relays them. */
    static final List<String> DEFAULT_PACKAGE_PRODUCTS = List.of("Fedora", "Fedora EPEL");
    /** Components of the package products that are not packages (as bugzilla2fedmsg lists them). */
    private static final Set<String> NOT_PACKAGES = Set.of("distribution", "LiveCD", "LiveCD - FEL",
            "LiveCD - Games", "LiveCD - KDE", "LiveCD - LXDE", "LiveCD - Xfce", "Package Review");

    BugzillaSettings {
        instances = List.copyOf(instances);
        userDomains = userDomains.stream().map(d -> d.strip().toLowerCase(Locale.ROOT)).toList();
        packageProducts = List.copyOf(packageProducts);
    }

    /** The defaults, as with an empty {@code [parsers.bugzilla]}. */
    static BugzillaSettings defaults() {
        return new BugzillaSettings(DEFAULT_INSTANCES, SenderPolicy.of(DEFAULT_SENDERS), DEFAULT_USER_DOMAINS,
                DEFAULT_PACKAGE_PRODUCTS);
    }

    /** Reads and checks the table. */
    static BugzillaSettings read(ParserSettings s) throws ParserConfigException {
        s.allowOnly(Set.of("instances", "user_domains", "package_products"));
        List<String> instances = new ArrayList<>();
        for (String url : s.strings("instances").orElse(DEFAULT_INSTANCES)) {
            instances.add(normalize(url).orElseThrow(() -> new ParserConfigException(
                    "key 'parsers.bugzilla.instances': '" + url + "' is not an http(s) base URL")));
        }
        if (instances.isEmpty()) {
            throw new ParserConfigException("key 'parsers.bugzilla.instances' must name at least one instance");
        }
        return new BugzillaSettings(instances, s.senders(DEFAULT_SENDERS),
                s.strings("user_domains").orElse(DEFAULT_USER_DOMAINS),
                s.strings("package_products").orElse(DEFAULT_PACKAGE_PRODUCTS));
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

    /** The package an event concerns: the component of a package product. */
    Set<String> packagesOf(String product, String component) {
        if (packageProducts.contains(product) && !component.isBlank() && !NOT_PACKAGES.contains(component)) {
            return Set.of(component);
        }
        return Set.of();
    }
}
