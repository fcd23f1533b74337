package org.mailbridge.mail;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns bytes into text the way mail in the wild needs: the declared charset when it decodes
 * cleanly; UTF-8 when the declaration is missing or wrong (mailers often label UTF-8 as
 * us-ascii or latin-1); windows-1252 as the last resort, which maps every byte. Decoding never
 * fails; {@link Decoded#lossy()} says whether anything was replaced.
 */
final class TextDecoder {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoder() {
    }

    /**
     * Decoded text.
     *
     * @param text the text
     * @param charset the charset actually used
     * @param lossy whether invalid input was replaced
     */
    record Decoded(String text, String charset, boolean lossy) {
    }

    static Decoded decode(byte[] bytes, String declared) {
        Charset cs = lookup(declared);
        if (isAscii(bytes)) {
            return new Decoded(new String(bytes, StandardCharsets.US_ASCII), cs == null ? "us-ascii" : cs.name(), false);
        }
        if (cs != null && !cs.equals(StandardCharsets.US_ASCII)) {
            String s = strict(bytes, cs);
            // Valid UTF-8 labelled latin-1 is UTF-8: real latin-1 text is almost never valid UTF-8.
            if (s != null && !(isLatin(cs) && strict(bytes, StandardCharsets.UTF_8) != null)) {
                return new Decoded(s, cs.name(), false);
            }
        }
        String utf8 = strict(bytes, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return new Decoded(utf8, StandardCharsets.UTF_8.name(), false);
        }
        if (cs != null && !cs.equals(StandardCharsets.US_ASCII)) {
            return new Decoded(new String(bytes, cs), cs.name(), true);
        }
        return new Decoded(new String(bytes, WINDOWS_1252), WINDOWS_1252.name(), cs != null);
    }

    /** Header bytes: UTF-8 when valid (RFC 6532), else latin-1. */
    static String header(byte[] bytes) {
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        String utf8 = strict(bytes, StandardCharsets.UTF_8);
        return utf8 != null ? utf8 : new String(bytes, WINDOWS_1252);
    }

    private static Charset lookup(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.equals("ascii") || n.equals("us-ascii") || n.equals("ansi_x3.4-1968")) {
            return StandardCharsets.US_ASCII;
        }
        try {
            return Charset.forName(n);
        } catch (RuntimeException e) {
            return null; // unknown or illegal name: treat as undeclared
        }
    }

    private static boolean isLatin(Charset cs) {
        String n = cs.name();
        return n.equals("ISO-8859-1") || n.equals("ISO-8859-15") || n.equals("windows-1252");
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static String strict(byte[] bytes, Charset cs) {
        try {
            CharBuffer cb = cs.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return cb.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
