package org.mailbridge.parse.scm.git;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * File paths as git prints them in diffs and diffstats: plain, or C-quoted with octal escapes
 * for bytes outside printable ASCII ({@code "fichier-accentu\303\251.txt"}).
 */
final class GitPaths {
    private GitPaths() {
    }

    /** The path a possibly quoted token stands for, decoded as UTF-8. */
    static String unquote(String token) {
        String s = token.strip();
        if (s.length() < 2 || s.charAt(0) != '"' || s.charAt(s.length() - 1) != '"') {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length() - 1) {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                continue;
            }
            char e = s.charAt(++i);
            if (e >= '0' && e <= '7' && i + 2 < s.length() - 1 && isOctal(s.charAt(i + 1)) && isOctal(s.charAt(i + 2))) {
                out.write(((e - '0') << 6) | ((s.charAt(i + 1) - '0') << 3) | (s.charAt(i + 2) - '0'));
                i += 2;
            } else {
                out.write(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case 'a' -> 7;
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'v' -> 11;
                    default -> e;
                });
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Strips git's {@code a/} or {@code b/} prefix from a diff label; {@code /dev/null} stays. */
    static String stripSide(String label) {
        int tab = label.indexOf('\t');
        String p = unquote(tab >= 0 ? label.substring(0, tab) : label);
        if (p.startsWith("a/") || p.startsWith("b/")) {
            return p.substring(2);
        }
        return p;
    }

    /**
     * The file a {@code diff --git a/<p> b/<p>} or {@code diff --cc <p>} line names; for a
     * rename, the {@code rename to} line that follows says better.
     */
    static String ofDiffHeader(String header) {
        if (!header.startsWith("diff --git ")) {
            return unquote(header.substring(header.indexOf(' ', 5) + 1));
        }
        String rest = header.substring("diff --git ".length());
        // "a/<p> b/<p>": both halves name the same file unless renamed (then "rename to" says).
        int half = rest.length() / 2;
        if (rest.length() % 2 == 1 && rest.charAt(half) == ' ') {
            return stripSide(rest.substring(half + 1));
        }
        int b = rest.lastIndexOf(" b/");
        int qb = rest.lastIndexOf(" \"b/");
        int at = Math.max(b, qb);
        return at >= 0 ? stripSide(rest.substring(at + 1)) : rest;
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }
}
