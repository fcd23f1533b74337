package org.mailbridge.config;

import java.util.HashMap;
import java.util.Map;

/**
 * Finds the line of each key and array element in a TOML text, so that a rule error can say
 * {@code file:line:} (rule files and the configuration file alike). Jackson's TOML reader builds a tree without locations, hence this scan.
 * It runs only on text that Jackson has already parsed, so it does not validate anything: it
 * follows table headers, dotted keys, inline tables, arrays and strings just well enough to
 * count lines.
 *
 * <p>Paths are keys joined by {@code .}, with {@code [i]} for array elements:
 * {@code rule[1].fields.build_id.regex}.
 */
public final class TomlLocator {
    private final String text;
    private final Map<String, Integer> lines = new HashMap<>();
    /** The index of the last element of each array of tables seen so far. */
    private final Map<String, Integer> arrayTables = new HashMap<>();
    private int pos;
    private int line = 1;

    private TomlLocator(String text) {
        this.text = text;
    }

    /** Scans a TOML text. */
    public static TomlLocator of(String text) {
        TomlLocator l = new TomlLocator(text);
        try {
            l.document();
        } catch (RuntimeException e) {
            // Best effort: lines found so far still help; the worst case is a message without a line.
        }
        return l;
    }

    /** The line of the path, or of its nearest located ancestor; 0 when nothing is known. */
    public int line(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Integer n = lines.get(p);
            if (n != null) {
                return n;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return 0;
    }

    private void document() {
        String prefix = "";
        while (true) {
            skipBlank(true);
            if (pos >= text.length()) {
                return;
            }
            if (peek() == '[') {
                prefix = header();
            } else {
                keyValue(prefix);
            }
        }
    }

    private String header() {
        int at = line;
        boolean array = text.startsWith("[[", pos);
        pos += array ? 2 : 1;
        String resolved = "";
        for (String seg : keyPath()) {
            String plain = resolved.isEmpty() ? seg : resolved + "." + seg;
            Integer idx = arrayTables.get(plain);
            resolved = idx == null ? plain : plain + "[" + idx + "]";
        }
        pos += array ? 2 : 1;
        if (array) {
            String plain = resolved.replaceFirst("\\[\\d+]$", "");
            int idx = arrayTables.merge(plain, 0, (last, zero) -> last + 1);
            lines.putIfAbsent(plain, at);
            resolved = plain + "[" + idx + "]";
        }
        lines.putIfAbsent(resolved, at);
        skipToLineEnd();
        return resolved;
    }

    private void keyValue(String prefix) {
        String path = prefix;
        for (String seg : keyPath()) {
            path = path.isEmpty() ? seg : path + "." + seg;
            lines.putIfAbsent(path, line);
        }
        skipBlank(false);
        pos++; // '='
        value(path);
    }

    private java.util.List<String> keyPath() {
        java.util.List<String> segs = new java.util.ArrayList<>();
        while (true) {
            skipBlank(false);
            char c = peek();
            if (c == '"' || c == '\'') {
                int start = pos + 1;
                skipString();
                segs.add(text.substring(start, pos - 1));
            } else {
                int start = pos;
                while (pos < text.length() && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '-')) {
                    pos++;
                }
                segs.add(text.substring(start, pos));
            }
            skipBlank(false);
            if (peek() != '.') {
                return segs;
            }
            pos++;
        }
    }

    private void value(String path) {
        skipBlank(false);
        char c = peek();
        if (c == '{') {
            pos++;
            while (true) {
                skipBlank(true);
                if (peek() == '}') {
                    pos++;
                    return;
                }
                if (peek() == ',') {
                    pos++;
                    continue;
                }
                keyValue(path);
            }
        } else if (c == '[') {
            pos++;
            int idx = 0;
            while (true) {
                skipBlank(true);
                if (peek() == ']') {
                    pos++;
                    return;
                }
                if (peek() == ',') {
                    pos++;
                    idx++;
                    continue;
                }
                lines.putIfAbsent(path + "[" + idx + "]", line);
                value(path + "[" + idx + "]");
            }
        } else if (c == '"' || c == '\'') {
            skipString();
        } else {
            while (pos < text.length() && ",]}\n#".indexOf(peek()) < 0) {
                pos++;
            }
        }
    }

    private void skipString() {
        char q = peek();
        boolean multi = text.startsWith(String.valueOf(q).repeat(3), pos);
        pos += multi ? 3 : 1;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\' && q == '"') {
                pos += 2;
                continue;
            }
            if (c == '\n') {
                line++;
            }
            if (c == q && (!multi || text.startsWith(String.valueOf(q).repeat(3), pos))) {
                pos += multi ? 3 : 1;
                // a multi-line string may end with up to two extra quotes
                while (multi && pos < text.length() && text.charAt(pos) == q) {
                    pos++;
                }
                return;
            }
            pos++;
        }
    }

    /** Skips spaces and comments; newlines too when {@code newlines}. */
    private void skipBlank(boolean newlines) {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '#') {
                skipToLineEnd();
            } else if (c == '\n' && newlines) {
                line++;
                pos++;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else {
                return;
            }
        }
    }

    private void skipToLineEnd() {
        while (pos < text.length() && text.charAt(pos) != '\n') {
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }
}
