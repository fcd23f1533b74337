package org.mailbridge.config;

import java.util.List;
import java.util.OptionalInt;

/**
 * Finds the line of a dotted key ({@code domains.infra.url}) in TOML text, so that errors found
 * after parsing can still say {@code file:line:}. Jackson's TOML reader builds a tree first and
 * loses positions; this follows table headers ({@code [a.b]}, {@code [[a]]}) and key lines
 * ({@code key =}, {@code "key" =}, {@code a.b =}), which is how configuration files are written.
 */
final class KeyLines {
    private KeyLines() {
    }

    /** The 1-based line that defines the key, if it can be found. */
    static OptionalInt find(String toml, String dottedKey) {
        List<String> want = List.of(dottedKey.split("\\."));
        String table = "";
        int no = 0;
        for (String line : toml.split("\n", -1)) {
            no++;
            String t = stripComment(line).strip();
            if (t.startsWith("[")) {
                table = t.replaceAll("^\\[+|\\]+$", "").replace("\"", "").replace(" ", "");
                if (table.equals(dottedKey)) {
                    return OptionalInt.of(no);
                }
                continue;
            }
            int eq = t.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = t.substring(0, eq).replace("\"", "").replace("'", "").replace(" ", "");
            String full = table.isEmpty() ? key : table + "." + key;
            if (full.equals(String.join(".", want))) {
                return OptionalInt.of(no);
            }
        }
        return OptionalInt.empty();
    }

    private static String stripComment(String line) {
        boolean inString = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' || c == '\'') {
                inString = !inString;
            } else if (c == '#' && !inString) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
