package org.mailbridge.parse;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Makes one {@link ParserSource} per jar of the plugin directory, each with its own class
 * loader, so that plugins cannot see each other or the application's classes: the parent of
 * every plugin loader is {@link SpiOnlyClassLoader}, which lets through only the JDK and
 * {@code org.mailbridge.spi}. A plugin therefore brings its own libraries, and the
 * {@link java.util.ServiceLoader} run over its loader finds the plugin's parsers, not the
 * built-in ones again. Jars are taken in name order; a directory that does not exist means no
 * plugins.
 */
public final class PluginLoader {
    private PluginLoader() {
    }

    /**
     * The plugin jars of {@code dir}.
     *
     * @param problems receives a line for each jar that cannot be opened (it is left out)
     */
    public static List<ParserSource> sources(Path dir, List<String> problems) {
        List<ParserSource> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> jars;
        try (Stream<Path> s = Files.list(dir)) {
            jars = s.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            problems.add(dir + ": cannot list the plugin directory: " + e.getMessage());
            return out;
        }
        ClassLoader parent = new SpiOnlyClassLoader(PluginLoader.class.getClassLoader());
        for (Path jar : jars) {
            try {
                URL url = jar.toUri().toURL();
                out.add(new ParserSource(jar.toString(), new URLClassLoader("plugin:" + jar.getFileName(),
                        new URL[] {url}, parent)));
            } catch (MalformedURLException e) {
                problems.add(jar + ": " + e.getMessage());
            }
        }
        return out;
    }

    /**
     * The parent of plugin class loaders: the JDK's classes (through the platform loader) and
     * the parser SPI (through the application loader), nothing else, and no resources of the
     * application, so its {@code META-INF/services} files stay invisible to plugins.
     */
    static final class SpiOnlyClassLoader extends ClassLoader {
        private static final String SPI = "org.mailbridge.spi.";
        private final ClassLoader app;

        SpiOnlyClassLoader(ClassLoader app) {
            super("mailbridge-spi", ClassLoader.getPlatformClassLoader());
            this.app = app;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith(SPI)) {
                return app.loadClass(name);
            }
            return super.loadClass(name, resolve);
        }
    }
}
