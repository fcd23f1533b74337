package org.mailbridge.parse;

/**
 * Where Java parsers come from: the application itself or one plugin jar, each with its own
 * class loader so that plugins cannot see each other ({@link PluginLoader}).
 *
 * @param label how errors name the source ({@code built-in}, a jar's file name)
 * @param loader the class loader to search with {@link java.util.ServiceLoader}
 */
public record ParserSource(String label, ClassLoader loader) {
}
