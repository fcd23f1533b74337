package org.mailbridge.schema;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The body schemas: every {@code schemas/<topic>.json} in the jar (the single source of the bus
 * contract), plus any a caller registers for topics of its own. Schemas are compiled on first
 * use and kept. Thread-safe.
 */
public final class SchemaCatalog {
    private static final String DIR = "schemas";
    private static final SchemaCatalog BUILT_IN = new SchemaCatalog(Map.of());
    private static final int MAX_TOPICS = 10_000;

    private final Set<String> topics;
    private final Map<String, byte[]> registered;
    private final java.util.List<ClassLoader> loaders;
    private final Map<String, BodySchema> compiled = new ConcurrentHashMap<>();
    /** Full topics already looked up, with their schema; bounded, as topics come from mail. */
    private final Map<String, BodySchema> byTopic = new ConcurrentHashMap<>();

    private SchemaCatalog(Map<String, byte[]> registered) {
        this(registered, java.util.List.of());
    }

    private SchemaCatalog(Map<String, byte[]> registered, java.util.List<ClassLoader> loaders) {
        this.registered = Map.copyOf(registered);
        this.loaders = java.util.List.copyOf(loaders);
        Set<String> t = new TreeSet<>(shippedTopics());
        t.addAll(registered.keySet());
        this.topics = Collections.unmodifiableSet(t);
    }

    /** The schemas shipped in the jar. */
    public static SchemaCatalog builtIn() {
        return BUILT_IN;
    }

    /**
     * A catalogue with one more schema, for a topic of the caller's own (a service publishing a
     * custom event). The document must have a versioned {@code $id} and an
     * {@code x-fedora-messaging-schema} keyword, as the shipped ones do.
     *
     * @throws SchemaException when the document is not such a schema
     */
    public SchemaCatalog with(String topic, byte[] schemaJson) {
        SchemaReader.read(topic, new ByteArrayInputStream(schemaJson), "for " + topic);
        Map<String, byte[]> r = new LinkedHashMap<>(registered);
        r.put(topic, schemaJson.clone());
        return new SchemaCatalog(r, loaders);
    }

    /**
     * A catalogue that also knows the schemas of site rule files: {@code <dir>/schemas/<topic>.json}
     * beside the rules in each directory.
     */
    public SchemaCatalog withDirectories(java.util.List<Path> dirs) {
        java.util.List<ClassLoader> found = new java.util.ArrayList<>();
        for (Path d : dirs) {
            try {
                // A loader with no parent sees the directory alone.
                found.add(new java.net.URLClassLoader(new URL[] {d.toUri().toURL()}, null));
            } catch (java.net.MalformedURLException e) {
                throw new SchemaException("bad rules directory " + d, e);
            }
        }
        return withPlugins(found);
    }

    /**
     * A catalogue that also knows the schemas plugin jars ship, as {@code schemas/<topic>.json}
     * in the jar: a plugin's topics are looked up there when the bridge has no schema of its own.
     */
    public SchemaCatalog withPlugins(java.util.List<ClassLoader> pluginLoaders) {
        java.util.List<ClassLoader> all = new java.util.ArrayList<>(loaders);
        all.addAll(pluginLoaders);
        return new SchemaCatalog(registered, all);
    }

    /** Every topic suffix that has a schema, sorted. */
    public Set<String> topics() {
        return topics;
    }

    /**
     * The schema of a topic suffix such as {@code git.ref.update}. A Bugzilla instance other
     * than Fedora's publishes under its own name, {@code bugzilla.<name>.bug.new|update}; all
     * such topics share {@code bugzilla.instance.bug.new|update}.
     */
    public Optional<BodySchema> forSuffix(String suffix) {
        String known = topics.contains(suffix) || pluginResource(suffix) != null ? suffix : instanceTopic(suffix);
        if (known == null || !(topics.contains(known) || pluginResource(known) != null)) {
            return Optional.empty();
        }
        return Optional.of(compiled.computeIfAbsent(known, this::load));
    }

    private static String instanceTopic(String suffix) {
        java.util.regex.Matcher m = INSTANCE_TOPIC.matcher(suffix);
        return m.matches() ? "bugzilla.instance.bug." + m.group(1) : null;
    }

    private static final java.util.regex.Pattern INSTANCE_TOPIC =
            java.util.regex.Pattern.compile("bugzilla\\.[a-z0-9][a-z0-9_-]*\\.bug\\.(new|update)");

    /**
     * The schema of a full topic ({@code org.fedoraproject.prod.git.ref.update}) or of a suffix:
     * the longest known suffix that ends the topic at a dot boundary.
     */
    public Optional<BodySchema> forTopic(String topic) {
        // Every event asks this, and the search asks every plugin and rules-directory loader for a
        // file at each suffix. A schema found is kept, as its compiled form already is; a miss is
        // not, so that a schema file added to a rules directory later is still found.
        BodySchema known = byTopic.get(topic);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<BodySchema> found = lookUp(topic);
        if (found.isPresent() && byTopic.size() < MAX_TOPICS) {
            byTopic.put(topic, found.get());
        }
        return found;
    }

    private Optional<BodySchema> lookUp(String topic) {
        String t = topic;
        while (true) {
            if (topics.contains(t) || pluginResource(t) != null || instanceTopic(t) != null) {
                return forSuffix(t);
            }
            int dot = t.indexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            t = t.substring(dot + 1);
        }
    }

    /** The schemas whose {@code x-fedora-messaging-schema} is this header, by topic. */
    public Map<String, BodySchema> byHeader(String header) {
        Map<String, BodySchema> out = new TreeMap<>();
        for (String t : topics) {
            BodySchema s = forSuffix(t).orElseThrow();
            if (s.header().equals(header)) {
                out.put(t, s);
            }
        }
        return out;
    }

    private BodySchema load(String topic) {
        byte[] own = registered.get(topic);
        if (own != null) {
            return SchemaReader.read(topic, new ByteArrayInputStream(own), "for " + topic);
        }
        String resource = "/" + DIR + "/" + topic + ".json";
        URL plugin = topics.contains(topic) ? null : pluginResource(topic);
        try (InputStream in = plugin != null ? plugin.openStream() : SchemaCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new SchemaException("no schema " + resource, null);
            }
            return SchemaReader.read(topic, in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private URL pluginResource(String topic) {
        for (ClassLoader l : loaders) {
            URL u = l.getResource(DIR + "/" + topic + ".json");
            if (u != null) {
                return u;
            }
        }
        return null;
    }

    /** Lists {@code schemas/*.json} whether the classes are a directory (tests) or a jar. */
    private static Set<String> shippedTopics() {
        URL url = SchemaCatalog.class.getResource("/" + DIR);
        if (url == null) {
            return Set.of();
        }
        Set<String> names = new TreeSet<>();
        try {
            if ("jar".equals(url.getProtocol())) {
                JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile();
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    String n = e.nextElement().getName();
                    if (n.startsWith(DIR + "/") && n.endsWith(".json") && n.indexOf('/', DIR.length() + 1) < 0) {
                        names.add(n.substring(DIR.length() + 1, n.length() - 5));
                    }
                }
            } else {
                try (Stream<Path> s = Files.list(Path.of(url.toURI()))) {
                    s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                            .forEach(n -> names.add(n.substring(0, n.length() - 5)));
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new SchemaException("cannot list the shipped schemas at " + url + ": " + e.getMessage(), e);
        }
        return names;
    }
}
