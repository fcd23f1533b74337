package org.mailbridge.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads only the top-level {@code spool} and {@code spool_reserve} keys of a configuration file, for {@code deliver}: that
 * command runs once per mail in a fresh JVM and must not pay for loading a TOML library. It
 * understands the forms the key can take at top level (basic and literal strings, comments);
 * anything else is a configuration error rather than a guess. {@code ConfigLoader} reads the
 * same key with the full TOML parser, and a test checks that both agree.
 */
public final class SpoolKeyReader {
    private SpoolKeyReader() {
    }

    /** The {@code spool} value, or empty when the file does not set it. */
    public static Optional<String> read(Path file) throws ConfigException, IOException {
        return read(file, "spool");
    }

    /**
     * What {@code deliver} needs of the file, read in one pass: the per-mail path reads the
     * configuration once.
     *
     * @param spool the {@code spool} value, or null when the file does not set it
     * @param reserve the {@code spool_reserve} value in bytes, or null when not set
     */
    public record DeliverKeys(String spool, Long reserve) {
    }

    /** The {@code spool} and {@code spool_reserve} keys, in one read of the file. */
    public static DeliverKeys deliverKeys(Path file) throws ConfigException, IOException {
        String[] v = read(file, new String[] {"spool", "spool_reserve"});
        return new DeliverKeys(v[0], v[1] == null ? null : Units.size("spool_reserve", v[1]));
    }

    /** A top-level string key's value, or empty when the file does not set it. */
    static Optional<String> read(Path file, String key) throws ConfigException, IOException {
        return Optional.ofNullable(read(file, new String[] {key})[0]);
    }

    /** The values of top-level string keys, in the order asked, null where the file does not set one. */
    private static String[] read(Path file, String[] keys) throws ConfigException, IOException {
        String[] found = new String[keys.length];
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                String t = line.strip();
                if (t.startsWith("[")) {
                    break; // top-level keys end at the first table
                }
                for (int k = 0; k < keys.length; k++) {
                    String key = keys[k];
                    if (found[k] != null || !t.startsWith(key) || t.length() == key.length()) {
                        continue;
                    }
                    String rest = t.substring(key.length()).stripLeading();
                    if (rest.startsWith("=")) { // not another key that begins with this one (spool_reserve)
                        found[k] = value(rest.substring(1).strip(), file, no);
                    }
                }
            }
        }
        return found;
    }

    private static String value(String v, Path file, int line) throws ConfigException {
        if (v.startsWith("'")) {
            int end = v.indexOf('\'', 1);
            if (end > 0 && trailerOk(v.substring(end + 1))) {
                return v.substring(1, end);
            }
        } else if (v.startsWith("\"") && !v.startsWith("\"\"\"")) {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == '"') {
                    if (trailerOk(v.substring(i + 1))) {
                        return sb.toString();
                    }
                    break;
                }
                if (c == '\\' && i + 1 < v.length()) {
                    char e = v.charAt(++i);
                    switch (e) {
                        case '\\', '"' -> sb.append(e);
                        case 't' -> sb.append('\t');
                        case 'u' -> {
                            if (i + 4 >= v.length()) {
                                throw bad(file, line);
                            }
                            try {
                                sb.append((char) Integer.parseInt(v.substring(i + 1, i + 5), 16));
                            } catch (NumberFormatException nfe) {
                                throw bad(file, line);
                            }
                            i += 4;
                        }
                        default -> throw bad(file, line);
                    }
                } else {
                    sb.append(c);
                }
            }
        }
        throw bad(file, line);
    }

    private static boolean trailerOk(String rest) {
        String t = rest.strip();
        return t.isEmpty() || t.startsWith("#");
    }

    private static ConfigException bad(Path file, int line) {
        return ConfigException.forKey("spool", "key 'spool' must be a one-line string").at(file, line);
    }
}
