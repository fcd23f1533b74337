package org.mailbridge.parse.bugzilla;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One configured Bugzilla and what mailbridge publishes of it. Fedora's own,
 * {@code https://bugzilla.redhat.com/}, keeps bugzilla2fedmsg's topics ({@code bugzilla.bug.*})
 * and schema ({@code messageV1bz4}) and, as bugzilla2fedmsg, publishes only the products
 * {@code Fedora} and {@code Fedora EPEL} unless told otherwise. Any other instance publishes
 * under its own name ({@code bugzilla.<name>.bug.*}) with mailbridge's schema, every product by
 * default, and claims no package unless {@code package_products} says which products' components
 * are packages: its components are not Fedora's.
 *
 * @param name the topic word ({@code [a-z0-9_-]+}); {@code redhat} for Fedora's
 * @param url the normalised base URL ({@code X-Bugzilla-URL})
 * @param products the products published; empty means every product
 * @param packageProducts products whose component names a package
 */
record Instance(String name, String url, Optional<Set<String>> products, List<String> packageProducts) {
    /** Fedora's Bugzilla. */
    static final String FEDORA_URL = "https://bugzilla.redhat.com/";
    /** bugzilla2fedmsg's default products. */
    static final List<String> FEDORA_PRODUCTS = List.of("Fedora", "Fedora EPEL");
    /** The topic suffixes of Fedora's instance. */
    static final String TOPIC_NEW = "bugzilla.bug.new";
    static final String TOPIC_UPDATE = "bugzilla.bug.update";
    /** The schema of Fedora's instance. */
    static final String FEDORA_SCHEMA = "bugzilla2fedmsg.messageV1bz4";
    /** The schema of every other instance. */
    static final String OWN_SCHEMA = "mailbridge.bugzilla.bug.v1";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    Instance {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("instance name '" + name + "' is not a topic word ([a-z0-9_-]+)");
        }
        Objects.requireNonNull(url, "url");
        products = products.map(Set::copyOf);
        packageProducts = List.copyOf(packageProducts);
    }

    /** Whether this is Fedora's Bugzilla, whose events keep bugzilla2fedmsg's topics and schema. */
    boolean fedora() {
        return url.equals(FEDORA_URL);
    }

    /** An instance with the defaults for its URL. */
    static Instance withDefaults(String name, String url) {
        return url.equals(FEDORA_URL)
                ? new Instance(name, url, Optional.of(Set.copyOf(FEDORA_PRODUCTS)), FEDORA_PRODUCTS)
                : new Instance(name, url, Optional.empty(), List.of());
    }

    /**
     * The name a base URL gives an instance: its host's registrable label ({@code bugs.kde.org}
     * → {@code kde}), or with {@code wholeHost} the host with dashes for dots
     * ({@code bugs-kde-org}), for when two instances share the label.
     */
    static String nameOf(String url, boolean wholeHost) {
        String host = java.net.URI.create(url).getHost().toLowerCase(Locale.ROOT);
        String[] labels = host.split("\\.");
        String n = wholeHost ? host.replace('.', '-') : labels.length >= 2 ? labels[labels.length - 2] : labels[0];
        n = n.replaceAll("[^a-z0-9_-]", "-");
        return NAME.matcher(n).matches() ? n : "bugzilla";
    }

    /** The topic suffix of an event of this instance. */
    String topic(boolean newBug) {
        if (fedora()) {
            return newBug ? TOPIC_NEW : TOPIC_UPDATE;
        }
        return "bugzilla." + name + ".bug." + (newBug ? "new" : "update");
    }

    /** The {@code fedora_messaging_schema} of its events. */
    String schema() {
        return fedora() ? FEDORA_SCHEMA : OWN_SCHEMA;
    }

    /** Whether a product is published; an unknown (empty) product is not, when there is a list. */
    boolean publishes(String product) {
        return products.isEmpty() || products.get().contains(product);
    }
}
