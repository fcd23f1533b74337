package org.mailbridge.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds real plugin jars in tests: compiles Java sources against the test class path (which
 * holds the SPI) with the JDK's compiler and writes a jar with the given service file, so that
 * plugin loading is tested the way an operator meets it.
 */
public final class PluginJars {
    private PluginJars() {
    }

    /**
     * Compiles {@code sources} (class name → source) into {@code jar}.
     *
     * @param services the lines of {@code META-INF/services/org.mailbridge.spi.MailParser}, or null for none
     */
    public static Path build(Path jar, Map<String, String> sources, List<String> services) throws IOException {
        Path work = Files.createTempDirectory(jar.getParent(), "src");
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path f = work.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
            files.add(f.toString());
        }
        Path classes = Files.createDirectories(work.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                "--release", "17", "-nowarn"));
        args.addAll(files);
        if (!files.isEmpty() && javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
            throw new IOException("plugin sources do not compile");
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> s = Files.walk(classes)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
            // Every topic a plugin publishes needs a schema; these test plugins ship a permissive one.
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("EventDraft\\.of\\(\"([^\"]+)\", \"([^\"]+)\"")
                    .matcher(String.join("\n", sources.values()));
            java.util.Set<String> done = new java.util.HashSet<>();
            while (m.find()) {
                if (done.add(m.group(1))) {
                    out.putNextEntry(new JarEntry("schemas/" + m.group(1) + ".json"));
                    write(out, permissiveSchema(m.group(1), m.group(2)));
                    out.closeEntry();
                }
            }
            if (services != null) {
                out.putNextEntry(new JarEntry("META-INF/services/org.mailbridge.spi.MailParser"));
                write(out, String.join("\n", services) + "\n");
                out.closeEntry();
            }
        }
        return jar;
    }

    /** A schema that takes any object, for a test topic: what a plugin or site rule ships, at its simplest. */
    public static String permissiveSchema(String topic, String header) {
        return "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"$id\":\"https://example.org/schemas/v1/"
                + topic + ".json\",\"x-fedora-messaging-schema\":\"" + header + "\",\"type\":\"object\"}";
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The source of a parser class that claims mail whose subject starts with {@code prefix}. */
    public static String parser(String pkg, String cls, String id, String prefix, String parseBody) {
        return """
                package %s;
                import org.mailbridge.spi.*;
                import java.util.*;
                public final class %s implements MailParser {
                    public String id() { return "%s"; }
                    public Set<String> topics() { return Set.of("%s.event"); }
                    public ParseOutcome parse(Mail mail) {
                        if (!mail.subject().startsWith("%s")) { return ParseOutcome.notMine(); }
                        %s
                        Map<String, Object> body = new LinkedHashMap<>();
                        body.put("subject", mail.subject());
                        return new ParseOutcome.Events(List.of(EventDraft.of("%s.event", "%s.v1", body)),
                                TrustVerdict.TRUSTED);
                    }
                }
                """.formatted(pkg, cls, id, id, prefix, parseBody, id, id);
    }
}
