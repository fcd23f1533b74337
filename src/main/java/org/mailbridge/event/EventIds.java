package org.mailbridge.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic event ids. The id of the {@code index}-th event a parser makes from a mail is a
 * name-based UUID of the mail's content key (its Message-ID), the parser id and the index, so
 * the same mail delivered twice, to one bridge or to two, yields the same ids and consumers
 * can drop the duplicates.
 */
public final class EventIds {
    /** Never updated, only cloned: safe to share between threads. */
    private static final MessageDigest MD5 = md5();

    private EventIds() {
    }

    /** The id of one event. */
    public static String of(String contentKey, String parserId, int index) {
        String name = "mailbridge\u0000" + contentKey + "\u0000" + parserId + "\u0000" + index;
        return nameUuid(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * {@link UUID#nameUUIDFromBytes}, with the digest cloned from one made once: that method
     * looks MD5 up among the security providers on every call, which costs more than the digest.
     */
    static UUID nameUuid(byte[] name) {
        MessageDigest md;
        try {
            md = (MessageDigest) MD5.clone();
        } catch (CloneNotSupportedException e) {
            md = md5();
        }
        byte[] h = md.digest(name);
        h[6] = (byte) ((h[6] & 0x0f) | 0x30); // version 3: name-based, MD5
        h[8] = (byte) ((h[8] & 0x3f) | 0x80); // the IETF variant
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (h[i] & 0xff);
            lsb = (lsb << 8) | (h[i + 8] & 0xff);
        }
        return new UUID(msb, lsb);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JVM", e);
        }
    }
}
