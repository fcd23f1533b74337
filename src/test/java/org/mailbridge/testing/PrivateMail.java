package org.mailbridge.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Bugzilla golden mails that carry private text, the texts themselves, and a check that none
 * of them is in a byte sequence: what end-to-end tests run through a real broker.
 */
public final class PrivateMail {
    /** The golden Bugzilla mails. */
    public static final Path DIR = Path.of("src/test/resources/mail/bugzilla");
    /** Published, with their private part taken out. */
    public static final List<String> PUBLISHED = List.of("rh-fedora-private-comment-with-status-change.eml",
            "rh-fedora-private-attachment.eml", "rh-epel-needinfo-and-cc.eml");
    /** Withheld whole: only private news, or a product that is not published. */
    public static final List<String> WITHHELD = List.of("rh-fedora-private-comment-only.eml", "rh-private-comment.eml",
            "rh-rhel-product-public-comment.eml");
    /** Lines of the private comments and attachment descriptions in those mails. */
    public static final List<String> SECRETS = List.of("lab-42.internal.example.com", "03955555", "ACME Corp",
            "prod-db-7", "sosreport from ACME", "customer's hostnames", "Customer case 03912345", "2045511",
            "Reproduced on RHEL 9.4");

    private PrivateMail() {
    }

    /** Every mail, published ones first. */
    public static List<byte[]> all() throws Exception {
        List<byte[]> out = new ArrayList<>();
        for (String n : PUBLISHED) {
            out.add(Files.readAllBytes(DIR.resolve(n)));
        }
        for (String n : WITHHELD) {
            out.add(Files.readAllBytes(DIR.resolve(n)));
        }
        return out;
    }

    /** All the mails in one byte array: the search must find every secret in it, or it proves nothing. */
    public static byte[] concatenated() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] m : all()) {
            out.write(m);
        }
        return out.toByteArray();
    }

    /** The secrets found in these bytes (as UTF-8, and as raw bytes of the UTF-8 text). */
    public static List<String> found(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> hits = new ArrayList<>();
        for (String s : SECRETS) {
            if (text.contains(s) || indexOf(bytes, s.getBytes(StandardCharsets.UTF_8)) >= 0) {
                hits.add(s);
            }
        }
        return hits;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
